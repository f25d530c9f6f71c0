import Reflection

extension ServerMessage {
    /// The §7 messages: suggestions, support, prompts (and the `prompts` setting extension).
    func writeReflection(to w: inout JSONWriter) {
        switch self {
        case .reflection(let room, let seq, let suggestions):
            w.key("type"); w.string("reflection")
            if let room { w.key("room"); w.string(room.rawValue) }
            if let seq { w.key("seq"); w.int(seq) }
            w.key("suggestions"); w.beginArray()
            for suggestion in suggestions { suggestion.write(to: &w) }
            w.endArray()
        case .support(let room, let support):
            w.key("type"); w.string("support")
            if let room { w.key("room"); w.string(room.rawValue) }
            w.key("text"); w.string(support.text)
            w.key("resources"); w.beginArray()
            for resource in support.resources {
                w.beginObject()
                w.key("name"); w.string(resource.name)
                w.key("contact"); w.string(resource.contact)
                w.key("url"); w.string(resource.url)
                w.endObject()
            }
            w.endArray()
        case .prompt(let room, let prompt, let isPrivate):
            w.key("type"); w.string("prompt")
            w.key("room"); w.string(room.rawValue)
            w.key("kind"); w.string(prompt.kind.rawValue)
            w.key("task"); w.string(prompt.task.rawValue)
            w.key("text"); w.string(prompt.text)
            if isPrivate { w.key("private"); w.bool(true) }
        case .promptsSetting(let room, let enabled, let scope, let by):
            w.key("type"); w.string("prompts")
            w.key("room"); w.string(room.rawValue)
            w.key("enabled"); w.bool(enabled)
            w.key("for"); w.string(scope.rawValue)
            if let by { w.key("by"); w.string(by.rawValue) }
        default:
            break
        }
    }
}

extension Suggestion {
    /// The wire shape of protocol §7; `span` is `[start, end]` in UTF-16 code units.
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("rule"); w.string(rule)
        w.key("family"); w.string(family)
        w.key("task"); w.string(task.rawValue)
        w.key("principle"); w.string(principle.rawValue)
        w.key("text"); w.string(text)
        w.key("why"); w.string(why)
        w.key("span"); w.beginArray(); w.int(span.lowerBound); w.int(span.upperBound); w.endArray()
        w.endObject()
    }
}
