"""What people read about moderation and consent, checked in the browser's own modules (no chat needed).

The words are the product here: a muted person is told kindly and differently from the others,
a facilitator reads their own actions as "You …", and the retention period lives in one place.
"""
RUN = """
const done = arguments[arguments.length - 1];
(async () => {
  const { moderationText, muteSpan } = await import('/js/moderation-words.js');
  const consent = await import('/js/consent-words.js');
  const names = { p_r: 'River', p_f: 'Sam' };
  const nameOf = (p) => names[p] || '';
  const until = new Date(Date.now() + 10 * 60000 + 5000).toISOString();
  const mute = { action: 'mute', peer: 'p_r', by: 'p_f', until };
  const out = {
    muteForRiver: moderationText(mute, nameOf, 'p_r'),
    muteForOthers: moderationText(mute, nameOf, 'p_x'),
    muteForFacilitator: moderationText(mute, nameOf, 'p_f'),
    deleteMine: moderationText({ action: 'delete', seq: 3, by: 'p_f' }, nameOf, 'p_r', true),
    slowUnknown: moderationText({ action: 'slow', by: 'p_f' }, nameOf, 'p_r'),
    slowOff: moderationText({ action: 'slow', seconds: 0, by: 'p_f' }, nameOf, 'p_r'),
    announce: moderationText({ action: 'announce', by: 'p_f' }, nameOf, 'p_r'),
    span: muteSpan('not a time'),
    before: consent.keepPoints().map(([h, t]) => `${h}: ${t}`).join(' | '),
  };
  consent.setRetentionDays(14);
  out.after = consent.keepPoints()[1][1];
  consent.setRetentionDays(-3);
  out.ignored = consent.retentionText();
  return out;
})().then(done, (e) => done({ error: String(e) }));
"""


def test_moderation_and_consent_words(server, make_driver):
    driver = make_driver()
    driver.get(server + "/")
    out = driver.execute_async_script(RUN)
    assert "error" not in out, out
    assert out["muteForRiver"].startswith("A facilitator paused your messages for 10 minutes"), out
    assert "still welcome" in out["muteForRiver"]
    assert out["muteForOthers"].startswith("River was muted for 10 minutes") and "Sam (facilitator)" in out["muteForOthers"]
    assert out["muteForFacilitator"].startswith("You muted River for 10 minutes")
    assert out["deleteMine"] == "A facilitator removed one of your messages."
    assert "Slow mode changed" in out["slowUnknown"] and out["slowOff"] == "Slow mode is off."
    assert out["announce"] == "", "an announcement shows as a message, not as a line"
    assert out["span"] == "a while"
    for words in ("What is kept", "30 days", "Who may read it", "recorded", "receipt", "take it back"):
        assert words in out["before"], words
    assert out["after"].startswith("14 days"), "the retention period comes from one place"
    assert out["ignored"] == "14 days", "a nonsense period is ignored"
