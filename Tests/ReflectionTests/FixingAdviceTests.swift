import Reflection
import Testing

/// Advice aimed at the reader against instructions that only look like it (training set 6b): how to prune,
/// bake, play, reboot or get somewhere, invitations, talking to oneself, wishes and farewells. Written for
/// these tests, not taken from the fixture sets.
@Suite("Fixing: advice to the reader, not instructions about things")
struct FixingAdviceTests {
    /// Advice in the shapes set 6b brought: rhetorical questions, "what I'd do", idioms and plain imperatives.
    static let advice: [String] = [
        "How about ringing the surgery before it gets worse?",
        "Shouldn't you be asleep by now, with work in the morning?",
        "Would you not just ask him straight out?",
        "Your best bet is the advice clinic on Mondays.",
        "What you could do is ask them to email everything.",
        "What I'd do is keep every letter in one folder.",
        "For what it's worth, I'd hold on to the flat.",
        "Isn't it time you told your sister how you feel?",
        "Don't you dare let them talk you into more hours.",
        "Can I gently suggest switching the news off after tea?",
        "Steer clear of that lot for a while.",
        "Hold off replying until you've calmed down.",
        "Trust your gut on the new place.",
        "Don't rise to it when she has a go.",
        "Bring a friend with you to the hearing.",
        "Would it hurt to ask for a day's leave?",
        "You want to get that rash looked at, pet.",
        "Is there any reason you can't ask for a payment holiday?",
        "Golden rule with bailiffs: never let them in.",
        "Worth a try ringing the helpline again?",
        "Best to wait a day before you answer her.",
        "Stick to your guns about the holiday.",
        "You'd be better off renting nearer your mum.",
        "Drop the extra shift, you're running on empty.",
        "Have it out with him and clear the air.",
    ]

    /// Instructions and chat that look like advice but are not aimed at the reader's life.
    static let nearMisses: [String] = [
        "Trim the hedge back hard before the birds nest.",
        "Put the bulbs in pointy end up, about a trowel deep.",
        "Let the dough rise somewhere warm for an hour.",
        "Preheat the oven and grease the cake tin.",
        "Use the grappling hook to reach the top ledge.",
        "You need the gold key from the dungeon first.",
        "Restart the router and wait for the lights.",
        "Put the invoices in the shared drive when you're done.",
        "Turn left at the roundabout and it's the first right.",
        "Take the 38 and get off at the end of the line.",
        "You need a law degree to read this tenancy agreement.",
        "Is there anything you need from us tonight?",
        "Happy birthday Jen! Eat all the cake!",
        "Congratulations on the new flat, go and enjoy it!",
        "My plan for today: shower, shopping, nap.",
        "ok brain, stop replaying that conversation",
        "phone's on 3%, talk tomorrow",
        "Make sure you're all muted during the meditation please.",
        "Tip from my five-year-old: if you hide under a blanket, nobody can see you.",
        "Consider yourself hugged.",
        "Keep it between us, yeah?",
        "I'll sort the landlord, you just sit back.",
        "Pull up a chair, we're sharing holiday disasters.",
        "Come to the quiz after group if you fancy it.",
        "Why don't you come along to the walking group on Sunday?",
        "You need to be 18 to join that scheme.",
        "You should write a book, your stories are brilliant.",
        "Keep your fingers crossed for me, results tomorrow.",
        "Take it away, Sam, your turn.",
    ]

    @Test("the rules offer fixing for advice aimed at the reader", arguments: Self.advice)
    func advises(_ text: String) throws {
        #expect(try Fixture.rulesOnly().analyse(text).families.contains("fixing"), Comment(rawValue: text))
    }

    @Test("the rules offer no fixing for instructions about things, invitations and chat", arguments: Self.nearMisses)
    func staysQuiet(_ text: String) throws {
        let families = try Fixture.rulesOnly().analyse(text).families
        #expect(!families.contains("fixing"), Comment(rawValue: "\(text) drew \(families.sorted())"))
    }
}
