import Testing
import WebSocket

@Suite("WSConnectionStateMachine")
struct WSConnectionStateMachineTests {
    let ping: [UInt8] = [0x89, 0x00]
    let goingAway: [UInt8] = [0x88, 0x02, 0x03, 0xE9]

    @Test("pings at 30 s and again 30 s later while the client keeps answering")
    func pings() {
        var machine = WSConnectionStateMachine(now: 1_000)
        #expect(machine.nextDeadline == 31_000)
        #expect(machine.timerFired(now: 30_999) == .none)
        #expect(machine.timerFired(now: 31_000) == .send(ping))
        machine.receivedFrame(now: 31_050)  // the pong
        #expect(machine.nextDeadline == 61_000)
        #expect(machine.timerFired(now: 61_000) == .send(ping))
        #expect(!machine.isClosed)
    }

    @Test("closes with 1001 after 75 s without any frame from the client")
    func idleClose() {
        var machine = WSConnectionStateMachine(now: 0)
        #expect(machine.timerFired(now: 30_000) == .send(ping))
        #expect(machine.timerFired(now: 60_000) == .send(ping))
        #expect(machine.nextDeadline == 75_000)
        #expect(machine.timerFired(now: 74_999) == .none)
        #expect(machine.timerFired(now: 75_000) == .sendAndCloseTransport(goingAway))
        #expect(machine.isClosed)
        #expect(machine.nextDeadline == nil)
        #expect(machine.timerFired(now: 80_000) == .none)
    }

    @Test("any frame postpones the idle close")
    func framesKeepAlive() {
        var machine = WSConnectionStateMachine(now: 0)
        #expect(machine.timerFired(now: 30_000) == .send(ping))
        #expect(machine.timerFired(now: 60_000) == .send(ping))
        machine.receivedFrame(now: 70_000)
        #expect(machine.timerFired(now: 75_000) == .none)
        #expect(machine.nextDeadline == 90_000)  // the next ping comes before the new idle deadline (145 s)
    }

    @Test("echoes the client's close code, or an empty close, then closes the transport")
    func closeEcho() {
        var machine = WSConnectionStateMachine(now: 0)
        #expect(machine.receivedClose(code: .normalClosure, now: 5) == .sendAndCloseTransport([0x88, 0x02, 0x03, 0xE8]))
        #expect(machine.isClosed)
        var empty = WSConnectionStateMachine(now: 0)
        #expect(empty.receivedClose(code: nil, now: 5) == .sendAndCloseTransport([0x88, 0x00]))
    }

    @Test("a server close waits for the client's reply, then closes the transport")
    func serverClose() {
        var machine = WSConnectionStateMachine(now: 0)
        machine.receivedFrame(now: 10_000)
        #expect(machine.closeRequested(.goingAway, reason: "") == .send(goingAway))
        #expect(machine.nextDeadline == 15_000)
        #expect(machine.closeRequested(.goingAway, reason: "") == .none)
        #expect(machine.receivedClose(code: .goingAway, now: 10_100) == .closeTransport)
        #expect(machine.isClosed)
    }

    @Test("the close handshake times out after 5 s")
    func closeTimeout() {
        var machine = WSConnectionStateMachine(now: 0)
        #expect(machine.closeRequested(.policyViolation, reason: "slow", now: 2_000)
            == .send([0x88, 0x06, 0x03, 0xF0] + Array("slow".utf8)))
        #expect(machine.timerFired(now: 6_999) == .none)
        #expect(machine.timerFired(now: 7_000) == .closeTransport)
        #expect(machine.isClosed)
    }

    @Test("a protocol error after our close closes without a second close frame")
    func failureWhileClosing() {
        var machine = WSConnectionStateMachine(now: 0)
        _ = machine.closeRequested(.goingAway, reason: "", now: 0)
        #expect(machine.failed(.reservedOpcode) == .closeTransport)
        #expect(machine.failed(.reservedOpcode) == .none)
    }

    @Test("uses the configured intervals")
    func configured() {
        var machine = WSConnectionStateMachine(now: 0, pingIntervalMS: 100, idleTimeoutMS: 250, closeTimeoutMS: 10)
        #expect(machine.timerFired(now: 100) == .send(ping))
        #expect(machine.timerFired(now: 200) == .send(ping))
        #expect(machine.nextDeadline == 250)
        #expect(machine.timerFired(now: 250) == .sendAndCloseTransport(goingAway))
    }
}
