import Crypto
import Testing
@testable import Store

@Suite("Staff login, tokens and logout")
struct LoginTests {
    private func session(_ outcome: LoginOutcome) throws -> StaffSession {
        guard case .success(let session) = outcome else { throw StaffAccountError.noSuchAccount }
        return session
    }

    @Test("a right password gives a 256-bit URL-safe token that resolves until it expires", arguments: StoreLocation.allCases)
    func successAndExpiry(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        try store.addStaff(username: "river", role: .worker, password: "long enough", now: .start)
        let login = try session(store.login(username: "river", password: "long enough", address: "10.0.0.1", now: .start))
        #expect(login.staff.role == .worker)
        #expect(login.expires == WallTime.start.adding(.seconds(12 * 3600)))
        #expect(login.token.count == 43)
        #expect(login.token.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || ($0 >= 48 && $0 <= 57)
            || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) })
        #expect(try store.resolve(token: login.token, now: .start)?.username == "river")
        #expect(try store.resolve(token: login.token, now: login.expires.adding(.milliseconds(-1)))?.username == "river")
        #expect(try store.resolve(token: login.token, now: login.expires) == nil)
    }

    @Test("wrong passwords and unknown names fail the same way", arguments: StoreLocation.allCases)
    func failures(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        try store.addStaff(username: "river", role: .worker, password: "long enough", now: .start)
        #expect(try store.login(username: "river", password: "wrong one", address: nil, now: .start) == .failure(delay: .zero))
        #expect(try store.login(username: "nobody", password: "long enough", address: nil, now: .start) == .failure(delay: .zero))
        #expect(try store.login(username: "not a valid name", password: "x", address: nil, now: .start) == .failure(delay: .zero))
        #expect(try store.resolve(token: "made-up-token", now: .start) == nil)
        #expect(try store.resolve(token: "", now: .start) == nil)
    }

    @Test("an unknown name still pays for a password hash check")
    func unknownNameCostsAKDF() throws {
        var options = StoreFixture.fastOptions
        options.passwordHasher = PasswordHasher(costLog2: 14, blockSize: 8, parallelism: 1)
        let store = try DataStore(inMemoryWith: nil, options: options)
        try store.addStaff(username: "river", role: .worker, password: "long enough", now: .start)
        _ = try store.login(username: "warm-up", password: "x", address: nil, now: .start)
        let clock = ContinuousClock()
        let known = clock.measure { _ = try? store.login(username: "river", password: "wrong one", address: nil, now: .start) }
        let unknown = clock.measure { _ = try? store.login(username: "nobody", password: "wrong one", address: nil, now: .start) }
        // Both run scrypt (N = 2^14, several milliseconds); a skipped KDF would take microseconds.
        #expect(unknown > known / 4)
    }

    @Test("logout ends only that session", arguments: StoreLocation.allCases)
    func logout(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        try store.addStaff(username: "river", role: .admin, password: "long enough", now: .start)
        let first = try session(store.login(username: "river", password: "long enough", address: nil, now: .start))
        let second = try session(store.login(username: "river", password: "long enough", address: nil, now: .start))
        #expect(first.token != second.token)
        #expect(try store.logout(token: first.token))
        #expect(try !store.logout(token: first.token))
        #expect(try store.resolve(token: first.token, now: .start) == nil)
        #expect(try store.resolve(token: second.token, now: .start) != nil)
    }

    @Test("changing a password or removing the account ends its sessions", arguments: StoreLocation.allCases)
    func accountChangesEndSessions(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        try store.addStaff(username: "river", role: .admin, password: "long enough", now: .start)
        try store.addStaff(username: "ash", role: .worker, password: "long enough", now: .start)
        let river = try session(store.login(username: "river", password: "long enough", address: nil, now: .start))
        let ash = try session(store.login(username: "ash", password: "long enough", address: nil, now: .start))
        try store.changePassword(username: "river", to: "another password")
        #expect(try store.resolve(token: river.token, now: .start) == nil)
        try store.removeStaff(username: "ash")
        #expect(try store.resolve(token: ash.token, now: .start) == nil)
    }

    @Test("tokens are stored only as SHA-256 hashes")
    func tokensHashed() throws {
        let fixture = try StoreFixture(.directory)
        try fixture.store.addStaff(username: "river", role: .admin, password: "long enough", now: .start)
        let login = try session(fixture.store.login(username: "river", password: "long enough", address: nil, now: .start))
        let stored = try fixture.store.database.rows("SELECT token_hash FROM staff_sessions") { $0.blob(0) }
        #expect(stored == [Digest.sha256(login.token)])
        #expect(FileScan.files(in: try #require(fixture.dataPath), containing: Array(login.token.utf8)).isEmpty)
    }

    @Test("a burst of parallel guesses is throttled before any of them finishes")
    func parallelBurstIsCounted() throws {
        let store = try StoreFixture(.memory).store
        try store.addStaff(username: "river", role: .worker, password: "long enough", now: .start)
        var pending: [PendingLogin] = []
        for _ in 0..<11 { pending.append(try store.prepareLogin(username: "river", address: "10.0.0.1", now: .start)) }
        guard case .refused(.tooManyAttempts) = pending[10] else {
            Issue.record("the eleventh concurrent attempt was not refused: \(pending[10])")
            return
        }
    }

    @Test("a password changed while the hash ran elsewhere does not log in with the old one")
    func accountChangedMidLogin() throws {
        let store = try StoreFixture(.memory).store
        try store.addStaff(username: "river", role: .worker, password: "long enough", now: .start)
        guard case .check(let check) = try store.prepareLogin(username: "river", address: nil, now: .start) else {
            Issue.record("unexpectedly refused")
            return
        }
        try store.changePassword(username: "river", to: "changed meanwhile")
        #expect(try store.completeLogin(check, verified: check.verify("long enough")) == .failure(delay: .zero))
    }

    @Test("the sweep removes expired sessions")
    func sweepSessions() throws {
        let store = try StoreFixture(.memory).store
        try store.addStaff(username: "river", role: .admin, password: "long enough", now: .start)
        _ = try session(store.login(username: "river", password: "long enough", address: nil, now: .start))
        #expect(try store.deleteExpired(now: .start).sessions == 0)
        #expect(try store.deleteExpired(now: WallTime.start.adding(.seconds(12 * 3600))).sessions == 1)
    }
}
