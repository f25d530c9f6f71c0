import Testing
@testable import Store

@Suite("Failed-login throttling")
struct LoginThrottleTests {
    private let t0 = WallTime.start

    private func at(_ seconds: Int) -> WallTime { t0.adding(.seconds(seconds)) }

    @Test("failures are free, then slowed with doubling delays, then refused for the window")
    func usernameSchedule() {
        var throttle = LoginThrottle()
        var delays: [Duration] = []
        for second in 0..<10 {
            #expect(throttle.check(username: "river", address: nil, now: at(second)) == .allowed)
            delays.append(throttle.recordAttempt(username: "river", address: nil, now: at(second)))
        }
        #expect(delays == [.zero, .zero, .zero, .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8),
                           .seconds(8), .seconds(8)])
        #expect(throttle.check(username: "river", address: nil, now: at(10)) == .refused(retryAfter: .seconds(15 * 60 - 1)))
        #expect(throttle.check(username: "RIVER", address: nil, now: at(10)) != .allowed)
        #expect(throttle.check(username: "ash", address: nil, now: at(10)) == .allowed)
        #expect(throttle.check(username: "river", address: nil, now: at(9 + 15 * 60)) == .allowed)
    }

    @Test("old failures are forgotten after the window")
    func windowResets() {
        var throttle = LoginThrottle()
        for second in 0..<5 { _ = throttle.recordAttempt(username: "river", address: nil, now: at(second)) }
        #expect(throttle.recordAttempt(username: "river", address: nil, now: at(4 + 15 * 60 + 1)) == .zero)
    }

    @Test("an address guessing across many names is refused too, and a success does not reset it")
    func perAddress() {
        var throttle = LoginThrottle()
        for index in 0..<29 { _ = throttle.recordAttempt(username: "name\(index)", address: "10.0.0.9", now: t0) }
        _ = throttle.recordAttempt(username: "own-account", address: "10.0.0.9", now: t0)
        throttle.recordSuccess(username: "own-account", address: "10.0.0.9")
        #expect(throttle.check(username: "fresh", address: "10.0.0.9", now: t0) == .allowed)
        #expect(throttle.recordAttempt(username: "name29", address: "10.0.0.9", now: t0) == .seconds(8))
        #expect(throttle.check(username: "fresh", address: "10.0.0.9", now: t0) == .refused(retryAfter: .seconds(15 * 60)))
        #expect(throttle.check(username: "fresh", address: "10.0.0.10", now: t0) == .allowed)
    }

    @Test("a right password clears the username's count")
    func successResets() {
        var throttle = LoginThrottle()
        for _ in 0..<5 { _ = throttle.recordAttempt(username: "river", address: nil, now: t0) }
        throttle.recordSuccess(username: "river", address: nil)
        #expect(throttle.recordAttempt(username: "river", address: nil, now: t0) == .zero)
    }

    @Test("the store slows, then refuses with a 429 outcome even for the right password", arguments: StoreLocation.allCases)
    func throughTheStore(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        try store.addStaff(username: "river", role: .worker, password: "long enough", now: t0)
        var outcomes: [LoginOutcome] = []
        for second in 0..<10 {
            outcomes.append(try store.login(username: "river", password: "guess \(second)", address: "10.0.0.1", now: at(second)))
        }
        #expect(outcomes[2] == .failure(delay: .zero))
        #expect(outcomes[3] == .failure(delay: .seconds(1)))
        #expect(outcomes[4] == .failure(delay: .seconds(2)))
        let refused = try store.login(username: "river", password: "long enough", address: "10.0.0.1", now: at(10))
        #expect(refused == .tooManyAttempts(retryAfter: .seconds(15 * 60 - 1)))
        guard case .success = try store.login(username: "river", password: "long enough", address: "10.0.0.1",
                                              now: at(10 + 15 * 60)) else {
            Issue.record("the account stayed locked after the window")
            return
        }
    }
}
