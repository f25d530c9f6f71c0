import Reflection
import Testing

/// Each family on messages written for these tests (not the shared dev set): what people really type,
/// and the near misses that must stay quiet. A text must draw its family (positives) or must not (negatives).
@Suite("Rule families")
struct RuleFamilyTests {
    static let whatsWrongPositives: [String] = [
        "whats wrong with u today, ur being so off with me",
        "What on earth is wrong with him? He just ignored everyone.",
        "something's not right with her, she's been weird all week",
        "is there something wrong with me or is everyone else just better at this",
        "wtf is wrong with people",
        "what's your problem?? I was only asking",
        "Why am I like this",
        "there must be something wrong with me if nobody wants to talk to me",
        "ugh what is the matter with me today, I keep crying at adverts",
        "what's wrong with you lot tonight, so quiet",
        "I feel like something's deeply wrong with me",
        "do you reckon something is wrong with her?",
        "I honestly think there's something wrong with my brain",
        "what is even wrong with me, I slept 12 hours and I'm still exhausted",
    ]
    static let whatsWrongNegatives: [String] = [
        "what's wrong with my laptop, it won't charge",
        "There is absolutely nothing wrong with you for feeling this way.",
        "My mum always asks what's wrong with me when I'm quiet",
        "what's wrong with the app today? messages keep vanishing",
        "I don't think anything is wrong, just tired",
        "What happened to make you feel that way?",
        "what's wrong with her phone? she keeps dropping out of the call",
        "I was wrong about him, he's actually lovely",
        "Whats up with him? he stormed off",
        "Nothing's wrong with you. You're grieving.",
        "Is anything wrong? You seem a bit down.",
        "the doctor couldn't find anything wrong with my heart",
        "what went wrong with the booking?",
        "I don't know what's wrong with the heating but it's freezing",
        "Seriously what is up with you lately",
        "my sister keeps asking what's wrong with me and I don't know what to say",
        "Nothing wrong with a bit of telly to switch off",
        "what's wrong with this group, nobody ever replies",
    ]

    @Test("whats-wrong fires on what people type", arguments: Self.whatsWrongPositives)
    func whatsWrongFires(_ text: String) throws {
        #expect(try Fixture.engine().analyse(text).families.contains("whats-wrong"), Comment(rawValue: text))
    }

    @Test("whats-wrong stays quiet on near misses", arguments: Self.whatsWrongNegatives)
    func whatsWrongStaysQuiet(_ text: String) throws {
        #expect(!(try Fixture.engine().analyse(text).families.contains("whats-wrong")), Comment(rawValue: text))
    }

    static let fixingPositives: [String] = [
        "You ought to speak to your landlord about the damp.",
        "try some camomile tea before bed, it really works",
        "hun you just need to cut him off completely",
        "maybe u should see a counsellor?",
        "Honestly, block him and move on with your life.",
        "Don't reply to her texts, she's not worth it.",
        "Have you tried mindfulness? It changed my life.",
        "my advice would be to write everything down before the appointment",
        "you'd be better off leaving that job tbh",
        "It might help to get some fresh air.",
        "I'd recommend talking to citizens advice about the debt",
        "Why don't you try going to bed at the same time every night?",
        "you need to stop blaming yourself",
        "You need to get out of that house asap",
        "just ignore them, they're not worth your energy",
        "try to get at least 8 hours sleep",
        "You could always ring the crisis line if it gets bad",
        "Have you thought about going back on your meds?",
        "Stop overthinking it and just text her",
        "go see your GP tomorrow first thing",
        "you really ought to report him to the police",
        "Please drink some water and eat something",
        "it sounds like you need some rest",
        "If you're thinking about suicide please reach out to someone",
        "my number one tip is to be kind to yourself",
        "if I were in your shoes I'd talk to HR",
        "You've got to get some help, mate",
        "definitely see a doctor about that",
        "You need to start standing up for yourself",
        "best thing you can do is get out of there",
        "Maybe try yoga? Helped me loads",
        "you should try the app Headspace",
    ]
    static let fixingNegatives: [String] = [
        "you must be exhausted after all that",
        "I should probably go to bed soon",
        "my therapist told me I need to set boundaries",
        "What would you like to happen next?",
        "If you need to talk later, I'm around.",
        "You don't have to explain yourself to anyone here.",
        "Should I tell my boss or keep it to myself?",
        "Take care of yourself tonight x",
        "You should be really proud of how far you've come.",
        "Go on, tell us more about that",
        "I wish I'd tried harder at school",
        "See you all next week!",
        "What has helped you in the past when it's been like this?",
        "I need to remember to take my tablets",
        "You're allowed to feel angry about it.",
        "You know yourself best.",
        "I wonder what you'd want if anything was possible?",
        "If you want, we could look at it together.",
        "you can do this, I believe in you",
        "Welcome Ash, glad you made it. Grab a cuppa and settle in.",
        "Please keep names and details out of what you share, as per our agreement.",
        "We'll do a round of check-ins, then open it up.",
        "What's your favourite film?",
        "The Thursday walk group meets outside the station at 10, all welcome",
        "I owe my sister money and it's stressing me out",
        "What do you reckon would help?",
        "I tried journalling last year and it helped a bit",
        "You should've heard her laugh, it was brilliant",
        "I need to get my prescription renewed",
        "You don't need to rush into anything",
        "Thanks, I'll try that",
    ]

    @Test("fixing fires on what people type", arguments: Self.fixingPositives)
    func fixingFires(_ text: String) throws {
        #expect(try Fixture.engine().analyse(text).families.contains("fixing"), Comment(rawValue: text))
    }

    @Test("fixing stays quiet on near misses", arguments: Self.fixingNegatives)
    func fixingStaysQuiet(_ text: String) throws {
        #expect(!(try Fixture.engine().analyse(text).families.contains("fixing")), Comment(rawValue: text))
    }

    static let labelsPositives: [String] = [
        "I'm diagnosed with BPD and it's been a rollercoaster",
        "he's so bipolar lately, one minute fine and then screaming",
        "my ex was a narcissist",
        "I have complex PTSD from my childhood",
        "She's clearly psychotic, she thinks the neighbours are watching her",
        "The doctors say I'm treatment resistant",
        "are you autistic? you take things really literally",
        "my OCD has been through the roof this week",
        "living with schizophrenia is exhausting",
        "my doctor put me down as having an emotionally unstable personality disorder",
        "she's got severe depression",
        "my schizophrenia makes it hard to concentrate",
        "typical borderline behaviour",
        "You're being paranoid, nobody is talking about you",
        "He's got ADHD so he can't sit still",
        "I'm a recovering alcoholic",
        "my bipolar meds make me so tired",
        "I have depression and anxiety",
        "my psychiatrist says I have treatment resistant depression",
        "he's a total psycho",
        "I'm autistic and crowds are hard",
        "she's anorexic, you can see it",
        "my PTSD flares up every November",
        "I was diagnosed bipolar at 22",
        "people with personality disorders get treated so badly",
        "His behaviour is just so manipulative and attention seeking",
    ]
    static let labelsNegatives: [String] = [
        "I'm a psychiatric nurse so I see a lot of this at work",
        "I felt so anxious on the bus this morning",
        "Labels never told me anything about who I am.",
        "the market's gone completely manic today",
        "I had a panic attack in Tesco",
        "I've been hearing voices again since Tuesday",
        "that film was borderline offensive",
        "This week has been mental",
        "The traffic was psycho this morning",
        "I get really down in winter",
        "I was so depressed after the breakup",
        "I'm a mental health nurse",
        "do you think labels like bipolar actually help anyone?",
        "I panic when the phone rings",
        "I get overwhelmed in supermarkets",
        "My mood has been all over the place",
        "the storm was psychotic last night lol",
        "I'm worried, but I'm not sure why",
    ]

    @Test("labels fires on what people type", arguments: Self.labelsPositives)
    func labelsFires(_ text: String) throws {
        #expect(try Fixture.engine().analyse(text).families.contains("labels"), Comment(rawValue: text))
    }

    @Test("labels stays quiet on near misses", arguments: Self.labelsNegatives)
    func labelsStaysQuiet(_ text: String) throws {
        #expect(!(try Fixture.engine().analyse(text).families.contains("labels")), Comment(rawValue: text))
    }

    static let movingAwayPositives: [String] = [
        "I want to stop drinking so much at weekends",
        "I'm trying not to think about him",
        "I need to get away from all this stress",
        "my new year's resolution is to quit smoking",
        "I just want these panic attacks to go away",
        "I never want to feel like this again",
        "I'm determined to stay out of hospital this year",
        "I want to stop hating myself",
        "I need to stop relying on him for everything",
        "I'd love to never have another panic attack",
        "I'm trying to cut down on the energy drinks",
        "I wish the nightmares would stop",
        "I want to stop being scared of everything",
        "I don't want to die, I just want the pain to stop",
        "I want to stop letting fear make my decisions",
        "I really need to quit vaping",
        "I just don't want to feel so alone anymore",
        "I want to get off these meds",
        "trying to stay away from the pub this month",
        "I wanna stop caring what people think",
    ]
    static let movingAwayNegatives: [String] = [
        "I want to feel calmer and have more good days",
        "I stopped drinking last year and it's the best thing I ever did",
        "Can't stop thinking about what you said, it really helped",
        "I'll stop by the chemist on my way",
        "I want to learn to paint this year",
        "I want to start running again",
        "I stopped smoking in March",
        "I want to understand myself better",
        "She needs to stop texting me at 3am",
        "I'm going to stop there for tonight, thanks all",
        "I want to feel like myself again",
        "I'd like to get back into reading",
        "we stopped for lunch on the way",
        "I hope you feel better soon",
    ]

    @Test("moving-away fires on what people type", arguments: Self.movingAwayPositives)
    func movingAwayFires(_ text: String) throws {
        #expect(try Fixture.engine().analyse(text).families.contains("moving-away"), Comment(rawValue: text))
    }

    @Test("moving-away stays quiet on near misses", arguments: Self.movingAwayNegatives)
    func movingAwayStaysQuiet(_ text: String) throws {
        #expect(!(try Fixture.engine().analyse(text).families.contains("moving-away")), Comment(rawValue: text))
    }

    static let fearPositives: [String] = [
        "I'm really worried about you being on your own tonight",
        "if you keep talking like that they'll section you",
        "I'm scared you're going to relapse",
        "u shouldn't be left alone like this",
        "I'm going to have to let the facilitator know what you said",
        "you're a danger to yourself right now",
        "what if you end up back in hospital?",
        "I'm really scared for you, you sound like you're in a dark place",
        "You shouldn't be on your own tonight, who can be with you?",
        "I'm worried sick about you",
        "they'll lock you up if you keep saying things like that",
        "I'm terrified you'll do something to yourself",
        "If you don't eat you'll end up in hospital",
        "I'm frightened for you, you don't sound safe",
        "If you carry on like this you'll end up sectioned",
        "I've told the facilitator about you because I'm worried",
        "I'm so anxious about you going back to him",
        "You can't be left alone in this state",
    ]
    static let fearNegatives: [String] = [
        "I'm worried about my exam tomorrow",
        "I'm scared of spiders lol",
        "I was nervous about joining but everyone is so kind",
        "It scared me when you went quiet, can we talk about what happened between us?",
        "Are you safe right now?",
        "I'm glad you got home safe",
        "I'm worried I'll say the wrong thing",
        "I'm nervous about my assessment on Friday",
        "I felt scared when you got angry, and I'd like to understand what happened between us",
        "I used to be scared of groups like this",
        "I'm anxious about tomorrow's meeting",
        "I'm worried about my cat, she's not eating",
        "I worry a lot, it's just how I am",
        "Are you feeling safe tonight?",
    ]

    @Test("fear fires on what people type", arguments: Self.fearPositives)
    func fearFires(_ text: String) throws {
        #expect(try Fixture.engine().analyse(text).families.contains("fear"), Comment(rawValue: text))
    }

    @Test("fear stays quiet on near misses", arguments: Self.fearNegatives)
    func fearStaysQuiet(_ text: String) throws {
        #expect(!(try Fixture.engine().analyse(text).families.contains("fear")), Comment(rawValue: text))
    }

    static let helperPositives: [String] = [
        "I know exactly what you need, leave it to me",
        "I'll sort out all your paperwork for you",
        "I'm basically a counsellor at this point lol, I can fix anyone",
        "don't worry about a thing, I'll take care of you",
        "I've helped hundreds of people come off their meds",
        "Stick with me and I'll get you well",
        "I'm here to fix you",
        "I'll handle it for you, you just rest",
        "I know what's best for you, trust me",
        "let me sort this mess out for you",
        "I've been through it all so I can tell you exactly what to do",
        "You need me, you can't do this alone",
        "I'll be your therapist lol, tell me everything",
        "I can fix this, just give me your login",
        "I've saved so many people from this",
        "let me take care of everything for you",
        "I know how to handle people like you",
    ]
    static let helperNegatives: [String] = [
        "Thank you so much for listening to me tonight",
        "Does anyone know how to change my display name?",
        "I'm here for you if you ever need to vent",
        "Maybe we could work out together what might help?",
        "I don't know the answer either, but I'd like to understand what it's like for you",
        "Can I help at all, or would you rather just talk?",
        "You helped me so much last week",
        "I'm learning a lot from you",
        "I'm not an expert, just someone who's been there",
        "We're in this together",
        "I don't have the answers but I'm glad to sit with you",
        "What's helped you get through before?",
    ]

    @Test("helper fires on what people type", arguments: Self.helperPositives)
    func helperFires(_ text: String) throws {
        #expect(try Fixture.engine().analyse(text).families.contains("helper"), Comment(rawValue: text))
    }

    @Test("helper stays quiet on near misses", arguments: Self.helperNegatives)
    func helperStaysQuiet(_ text: String) throws {
        #expect(!(try Fixture.engine().analyse(text).families.contains("helper")), Comment(rawValue: text))
    }

    static let crisisPositives: [String] = [
        "i just want it all to end",
        "im gonna kms tonight",
        "I've got the pills ready. I'm done.",
        "I keep thinking everyone would be happier if I was gone",
        "im so suicidal rn",
        "I cut myself again last night",
        "I wish I could go to sleep and never wake up",
        "what's the point in living anymore",
        "my flatmate says she's going to kill herself and she's locked the bathroom",
        "I can't go on like this anymore",
        "I want to die",
        "I don't want to live anymore",
        "Tonight's the night. I'm going to end it.",
        "i feel like ending it all",
        "I've been self harming again",
        "I'm standing on the bridge",
        "I'm planning to take all my tablets tonight",
        "nobody would even notice if I died",
        "I'm thinking about killing myself",
        "my brother just told me he wants to kill himself",
        "I'm going to take all my pills tonight",
        "honestly i just want to disappear forever",
        "i keep thinking about jumping in front of a train",
        "its all too much, i want to die",
        "I hurt myself again today",
        "life isn't worth living",
        "my partner took an overdose an hour ago",
        "I'd rather be dead than go back there",
    ]
    static let crisisNegatives: [String] = [
        "I tried to kill myself when I was 16 and I'm still here",
        "this essay is going to be the death of me",
        "I'm dying to tell you what happened at work",
        "lol my manager is going to kill me when she sees this",
        "I'm dead tired",
        "my battery's dying",
        "Are you having thoughts of suicide at the moment? You can tell me.",
        "Suicide awareness week starts Monday",
        "I lost my uncle to suicide",
        "I'm not going to hurt myself, I just needed to say it out loud",
        "I'm so done with everything, I want out",
        "Years ago I was suicidal and this group helped me through",
        "I'd kill for a nap",
        "the heat is killing me",
        "I laughed so hard I nearly died",
        "my mum would kill me if she knew",
        "I've written letters to my family",
        "that workout nearly killed me",
        "I survived an overdose in 2015 and now I volunteer",
        "would you ever hurt yourself?",
        "this week is killing me slowly haha",
        "she's dying her hair pink tonight",
        "I nearly died laughing at that",
    ]

    @Test("crisis fires on what people type", arguments: Self.crisisPositives)
    func crisisFires(_ text: String) throws {
        #expect(try Fixture.engine().analyse(text).families.contains("crisis"), Comment(rawValue: text))
    }

    @Test("crisis stays quiet on near misses", arguments: Self.crisisNegatives)
    func crisisStaysQuiet(_ text: String) throws {
        #expect(!(try Fixture.engine().analyse(text).families.contains("crisis")), Comment(rawValue: text))
    }

    static let boundaryPositives: [String] = [
        "can I borrow a tenner off you till payday",
        "add me on snap its jaz_fox99",
        "here's my number 07700 900123 text me anytime",
        "wanna meet up this weekend, just us?",
        "you're so hot, do you have a boyfriend?",
        "I can get you some weed if you want",
        "where do you live? I'm in Leeds",
        "email me at jaz.fox@gmail.com and I'll send you the photos",
        "lend us a fiver?",
        "what's your insta?",
        "DM me on discord, I'm @moonpie",
        "we should grab a drink sometime, just us",
        "I'll come over to yours after work",
        "you're gorgeous, seriously",
        "Do you know anyone who sells xanax?",
        "send pics",
        "Are you on WhatsApp?",
        "can you send me 50 quid",
        "text me on 07911 123456",
        "I'm on snapchat as quietfox",
        "you've got lovely eyes, I'd love to take you out sometime",
        "fancy coming to mine for a drink?",
        "I can sort you out with some cheap diazepam",
    ]
    static let boundaryNegatives: [String] = [
        "I live in Manchester, it's always raining here",
        "The Samaritans are on 116 123 if anyone needs them",
        "Hearing Voices Network meets every Tuesday at the community centre, everyone welcome",
        "My friend lent me money once and it got messy",
        "give me a minute to find the link",
        "@Sam how did the interview go?",
        "I'm saving up for a holiday",
        "I'm skint until payday, it's rough",
        "The centre's number is 0161 496 0000 if you want to book",
        "I met my best friend at a group like this",
        "you look well today!",
        "what's your real name btw",
        "My GP's number is on the fridge",
        "I'm from Bristol originally",
        "I paid off my overdraft this month!",
        "The peer support cafe is open every Friday 2-4, come along",
        "you look lovely in that photo",
    ]

    @Test("boundary fires on what people type", arguments: Self.boundaryPositives)
    func boundaryFires(_ text: String) throws {
        #expect(try Fixture.engine().analyse(text).families.contains("boundary"), Comment(rawValue: text))
    }

    @Test("boundary stays quiet on near misses", arguments: Self.boundaryNegatives)
    func boundaryStaysQuiet(_ text: String) throws {
        #expect(!(try Fixture.engine().analyse(text).families.contains("boundary")), Comment(rawValue: text))
    }

    static let combined: [(String, Set<String>)] = [
        ("what is wrong with you, just take your meds like everyone else", ["fixing", "whats-wrong"]),
        ("You're not safe on your own, I'll come round to yours tonight", ["boundary", "fear"]),
        ("I'm bipolar and I just want the highs and lows to stop", ["labels", "moving-away"]),
        ("I've dealt with loads of people with depression, you should try running", ["fixing", "helper", "labels"]),
        ("there's something wrong with me, I want to die", ["crisis", "whats-wrong"]),
    ]

    @Test("a text with several concerns reports every family, once each", arguments: Self.combined)
    func severalFamilies(_ text: String, _ families: Set<String>) throws {
        let result = try Fixture.engine().analyse(text)
        #expect(result.families == families)
        #expect(result.suggestions.count == families.count)
    }

    /// Every text in the tables has exactly the families it is listed under (none for a near miss of
    /// another family), so a rule that starts firing where it should not is caught here too.
    @Test("near misses draw no suggestion at all")
    func nearMissesAreQuiet() throws {
        let engine = try Fixture.engine()
        let negatives = Self.whatsWrongNegatives + Self.fixingNegatives + Self.labelsNegatives + Self.movingAwayNegatives
            + Self.fearNegatives + Self.helperNegatives + Self.crisisNegatives + Self.boundaryNegatives
        for text in negatives { #expect(engine.analyse(text).families.isEmpty, Comment(rawValue: text)) }
    }
}
