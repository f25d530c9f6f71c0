/// The four tasks of Intentional Peer Support; every suggestion and prompt says which one it serves.
public enum IPSTask: String, Sendable, Codable, CaseIterable {
    /// Making and keeping a connection: "what happened?" rather than "what's wrong?".
    case connection
    /// Understanding how each of us came to see things as we do.
    case worldview
    /// Both people sharing, learning and giving; neither is the other's helper.
    case mutuality
    /// Moving towards what we want rather than away from what we fear.
    case movingTowards = "moving-towards"
}

/// The three principles of Intentional Peer Support that a suggestion leans on.
public enum IPSPrinciple: String, Sendable, Codable, CaseIterable {
    /// Learning together rather than helping.
    case learning
    /// Attending to the relationship rather than the individual.
    case relationship
    /// Hope and possibility rather than fear.
    case hope
}
