import Testing
@testable import Store

@Suite("Staff accounts")
struct StaffTests {
    @Test("add, list, change password and remove", arguments: StoreLocation.allCases)
    func lifecycle(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        try store.addStaff(username: "river", role: .facilitator, password: "first password", now: .start)
        try store.addStaff(username: "ash", role: .admin, password: "second password", now: .start)
        let listed = try store.listStaff()
        #expect(listed.map(\.username) == ["ash", "river"])
        #expect(listed.map(\.role) == [.admin, .facilitator])
        #expect(listed.first?.displayName == "ash")

        try store.changePassword(username: "river", to: "a new password")
        #expect(try store.login(username: "river", password: "first password", address: nil, now: .start) == .failure(delay: .zero))
        guard case .success = try store.login(username: "river", password: "a new password", address: nil, now: .start) else {
            Issue.record("the new password did not work")
            return
        }
        try store.removeStaff(username: "river")
        #expect(try store.listStaff().map(\.username) == ["ash"])
        #expect(throws: StaffAccountError.noSuchAccount) { try store.removeStaff(username: "river") }
        #expect(throws: StaffAccountError.noSuchAccount) { try store.changePassword(username: "river", to: "whatever1") }
    }

    @Test("names are unique without regard to case", arguments: StoreLocation.allCases)
    func uniqueNames(location: StoreLocation) throws {
        let store = try StoreFixture(location).store
        try store.addStaff(username: "River", role: .worker, password: "long enough", now: .start)
        #expect(throws: StaffAccountError.usernameTaken) {
            try store.addStaff(username: "river", role: .admin, password: "long enough", now: .start)
        }
        #expect(try store.staff(username: "RIVER")?.username == "River")
    }

    @Test("bad names and short passwords are refused", arguments: ["", "has space", "tab\t", String(repeating: "a", count: 33), "émile", "a/b"])
    func invalidNames(name: String) throws {
        let store = try StoreFixture(.memory).store
        #expect(throws: StaffAccountError.invalidUsername) {
            try store.addStaff(username: name, role: .worker, password: "long enough", now: .start)
        }
        #expect(throws: StaffAccountError.passwordTooShort) {
            try store.addStaff(username: "river", role: .worker, password: "short", now: .start)
        }
    }

    @Test("passwords are stored as salted scrypt hashes, never as text", arguments: StoreLocation.allCases)
    func passwordStorage(location: StoreLocation) throws {
        let fixture = try StoreFixture(location)
        let password = "correct horse battery staple"
        try fixture.store.addStaff(username: "river", role: .worker, password: password, now: .start)
        try fixture.store.addStaff(username: "ash", role: .worker, password: password, now: .start)
        let hashes = try fixture.store.database.rows("SELECT password_hash FROM staff ORDER BY username") { $0.text(0) }
        #expect(hashes.count == 2)
        #expect(hashes.allSatisfy { $0.hasPrefix("scrypt$") && !$0.contains(password) })
        #expect(hashes[0] != hashes[1], "the same password must hash differently for different accounts (salt)")
        if let path = fixture.dataPath {
            #expect(FileScan.files(in: path, containing: Array(password.utf8)).isEmpty)
        }
    }
}
