import Glibc
import Synchronization
import Crypto
import Testing
@testable import Store

@Suite("Store worker thread")
struct StoreWorkerTests {
    @Test("jobs run in order on one thread that is not the caller's")
    func runsInOrder() throws {
        let worker = try StoreWorker(store: DataStore(inMemoryWith: .random(), options: StoreFixture.fastOptions))
        defer { worker.shutdown() }
        let caller = pthread_self()
        let seen = Mutex<[Int]>([])
        let threads = Mutex<Set<UInt>>([])
        for index in 0..<50 {
            worker.submit { _ in
                seen.withLock { $0.append(index) }
                threads.withLock { _ = $0.insert(UInt(pthread_self())) }
            }
        }
        let count = try worker.performAndWait { store in try store.listStaff().count }
        #expect(count == 0)
        #expect(seen.withLock { $0 } == Array(0..<50))
        #expect(threads.withLock { $0.count } == 1)
        #expect(!threads.withLock { $0.contains(UInt(caller)) })
    }

    @Test("perform hands the result or the error to the completion")
    func performCompletes() throws {
        let worker = try StoreWorker(store: DataStore(inMemoryWith: nil, options: StoreFixture.fastOptions))
        defer { worker.shutdown() }
        let results = Mutex<[String]>([])
        worker.perform({ store in
            try store.addStaff(username: "river", role: .worker, password: "long enough", now: .start).username
        }, completion: { result in results.withLock { $0.append((try? result.get()) ?? "error") } })
        worker.perform({ store in
            try store.addStaff(username: "river", role: .worker, password: "long enough", now: .start).username
        }, completion: { result in results.withLock { $0.append((try? result.get()) ?? "error") } })
        _ = try worker.performAndWait { _ in 0 }
        #expect(results.withLock { $0 } == ["river", "error"])
    }

    @Test("login hashes off the store thread: a job queued after a slow login finishes first")
    func loginDoesNotBlockTheStore() throws {
        var options = StoreFixture.fastOptions
        options.passwordHasher = PasswordHasher(costLog2: 15, blockSize: 8, parallelism: 1)
        let store = try DataStore(inMemoryWith: nil, options: options)
        try store.addStaff(username: "river", role: .worker, password: "long enough", now: .start)
        let worker = try StoreWorker(store: store)
        defer { worker.shutdown() }
        let order = Mutex<[String]>([])
        let outcome = Mutex<LoginOutcome?>(nil)
        worker.login(username: "river", password: "long enough", address: "10.0.0.1", now: .start) { result in
            order.withLock { $0.append("login") }
            outcome.withLock { $0 = try? result.get() }
        }
        worker.submit { _ in order.withLock { $0.append("other job") } }
        for _ in 0..<500 where order.withLock({ $0.count }) < 2 { usleep(10_000) }
        #expect(order.withLock { $0 } == ["other job", "login"])
        guard case .success(let session) = outcome.withLock({ $0 }) else {
            Issue.record("the login did not succeed")
            return
        }
        #expect(try worker.performAndWait { try $0.resolve(token: session.token, now: .start)?.username } == "river")
    }

    @Test("login through the worker reports failures and refusals")
    func loginFailures() throws {
        let store = try DataStore(inMemoryWith: nil, options: StoreFixture.fastOptions)
        try store.addStaff(username: "river", role: .worker, password: "long enough", now: .start)
        let worker = try StoreWorker(store: store)
        defer { worker.shutdown() }
        let outcomes = Mutex<[LoginOutcome]>([])
        for _ in 0..<11 {
            worker.login(username: "river", password: "wrong guess", address: nil, now: .start) { result in
                if let outcome = try? result.get() { outcomes.withLock { $0.append(outcome) } }
            }
        }
        for _ in 0..<500 where outcomes.withLock({ $0.count }) < 11 { usleep(10_000) }
        let seen = outcomes.withLock { $0 }
        #expect(seen.count == 11)
        // The refusal needs no hash, so it may answer before the slower failures.
        #expect(seen.filter { $0 == .tooManyAttempts(retryAfter: .seconds(15 * 60)) }.count == 1)
        #expect(seen.filter { if case .failure = $0 { true } else { false } }.count == 10)
        #expect(seen.contains(.failure(delay: .zero)))
    }

    @Test("shutdown runs what was queued, then stops; a second shutdown is harmless")
    func shutdownDrains() throws {
        let worker = try StoreWorker(store: DataStore(inMemoryWith: nil, options: StoreFixture.fastOptions))
        let ran = Mutex(0)
        for _ in 0..<10 { worker.submit { _ in ran.withLock { $0 += 1 } } }
        worker.shutdown()
        worker.shutdown()
        #expect(ran.withLock { $0 } == 10)
    }

    @Test("with a sweep interval, expired transcripts go without anyone asking")
    func sweepsOnItsOwn() throws {
        let store = try DataStore(inMemoryWith: .random(), options: StoreFixture.fastOptions)
        // Saved long ago with a short retention, so it is already expired by the wall clock.
        _ = try store.saveTranscript(room: "r", kind: .pair, entries: Conversation.pairEntries,
                                     participants: Conversation.pairParticipants, now: .start, retention: .seconds(1))
        let worker = try StoreWorker(store: store, sweepInterval: .milliseconds(20))
        defer { worker.shutdown() }
        var remaining = 1
        for _ in 0..<100 where remaining > 0 {
            usleep(10_000)
            remaining = try worker.performAndWait { store in
                try store.database.rows("SELECT count(*) FROM transcripts") { Int($0.integer(0)) }.first ?? -1
            }
        }
        #expect(remaining == 0)
    }
}
