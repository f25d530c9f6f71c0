import ArgumentParser
import Foundation
import Reflection

/// `withness reflect-bench`: how long the reflection engine takes per message, on one thread.
///
/// Builds messages of `--length` characters from everyday chat sentences (some with crisis, advice or
/// label words, most without), analyses each many times, and prints the median, p99 and mean per call.
struct ReflectBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reflect-bench",
        abstract: "Time the reflection engine per message (median and p99, one thread).")

    @Option(help: "Characters per message.")
    var length = 300

    @Option(help: "How many analyses to time.")
    var iterations = 50_000

    @Option(help: "A rules file laid over the bundled rules.")
    var rules: String?

    @OptionGroup var learned: LearnedModelOptions

    func run() throws {
        let compileStart = ContinuousClock.now
        let engine = try learned.engine(rules: rules)
        let compileTime = ContinuousClock.now - compileStart
        let messages = Self.messages(length: length, count: 256)
        var sink = 0
        for message in messages { sink &+= engine.analyse(message).suggestions.count }
        var samples: [Int64] = []
        samples.reserveCapacity(iterations)
        let clock = ContinuousClock()
        for iteration in 0..<iterations {
            let message = messages[iteration % messages.count]
            let start = clock.now
            let result = engine.analyse(message)
            let elapsed = clock.now - start
            sink &+= result.suggestions.count
            samples.append(elapsed.components.attoseconds / 1_000_000_000 + elapsed.components.seconds * 1_000_000_000)
        }
        samples.sort()
        let median = Double(samples[samples.count / 2]) / 1000
        let p99 = Double(samples[samples.count * 99 / 100]) / 1000
        let mean = Double(samples.reduce(0, +)) / Double(samples.count) / 1000
        let fired = messages.filter { !engine.analyse($0).suggestions.isEmpty }.count
        print("""
            reflect-bench: \(iterations) analyses of \(messages.count) messages, \(length) characters each, one thread
            rules compiled in \(compileTime.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))
            median \(String(format: "%.2f", median)) µs   p99 \(String(format: "%.2f", p99)) µs   mean \(String(format: "%.2f", mean)) µs
            \(fired) of \(messages.count) messages drew at least one suggestion (checksum \(sink % 1000))
            """)
    }

    /// Messages of exactly `length` characters (cut at a word), made by stepping through the chat sentences
    /// in a fixed, scrambled order, so every run times the same messages.
    static func messages(length: Int, count: Int) -> [String] {
        var step = 0
        return (0..<count).map { _ in
            var text = ""
            while text.count < length {
                step += 1
                text += sentences[(step * 7 + step / sentences.count * 3) % sentences.count] + " "
            }
            var cut = String(text.prefix(length))
            if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > length - 20 {
                cut = String(cut[..<space])
            }
            return cut
        }
    }

    static let sentences = [
        "Hi everyone, it’s my first time here and I’m a bit nervous.",
        "I had a really rough week at work and my manager didn’t help.",
        "Thanks for listening, it means a lot to me 😊",
        "What was that like for you when it happened?",
        "I’ve been sleeping badly since the move and I can’t switch off.",
        "You should really talk to your GP about the tablets.",
        "My sister has bipolar and I worry about her a lot.",
        "Honestly I just want to stop feeling so on edge all the time.",
        "lol same, my cat does exactly that every morning",
        "I’m not sure what to say but I’m here and I’m listening.",
        "whats wrong with me, i cant even reply to a simple text",
        "It was raining so hard the bus didn’t turn up at all.",
        "Have you tried writing things down before bed?",
        "I felt so alone after the funeral, nobody rang.",
        "We could figure out together what might help, if you want.",
        "Can u send me ur number so we can chat later?",
        "Sometimes I don’t want to be here anymore.",
        "The group meets on Thursdays at the library.",
        "I’m scared you’ll end up back in hospital if this carries on.",
        "Leave it with me, I’ll sort out your benefits claim.",
        "It took me years to trust anyone after what happened.",
        "How did you come to see it that way?",
        "My therapist said I should try going for walks.",
        "I’m knackered but glad I came tonight.",
        "That sounds really hard. Thank you for telling us.",
    ]
}
