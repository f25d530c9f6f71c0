/// Where to find help right now, offered privately to someone whose words sound like crisis.
///
/// The text keeps the conversation open ("you don't have to go anywhere"); the resources are real,
/// widely known lines. A deployment replaces them with its own (rules file `support` section, or a
/// standalone file read with `SupportResources.load(jsonBytes:)`).
public struct SupportResources: Sendable, Equatable, Codable {
    /// One place to turn to.
    public struct Resource: Sendable, Equatable, Codable {
        /// Its name ("Samaritans (UK & ROI)").
        public let name: String
        /// How to reach it ("call 116 123").
        public let contact: String
        /// Its web address.
        public let url: String

        /// A resource with these fields.
        public init(name: String, contact: String, url: String) {
            self.name = name
            self.contact = contact
            self.url = url
        }
    }

    /// The warm words sent with the resources.
    public let text: String
    /// The resources, in the order shown.
    public let resources: [Resource]

    /// Support made of these fields.
    public init(text: String, resources: [Resource]) {
        self.text = text
        self.resources = resources
    }

    /// Reads a standalone support file: `{"text": "…", "resources": [{"name","contact","url"}]}`.
    public static func load(jsonBytes: [UInt8]) throws(RulesFileError) -> SupportResources {
        try RuleBookDecoder.support(JSONReader.parse(jsonBytes))
    }
}
