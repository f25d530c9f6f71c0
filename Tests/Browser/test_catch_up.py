"""The client's catch-up logic in the browser, with a stand-in connection object (no chat needed).

A reconnect fetches history in pages while live messages keep arriving; each message must be
shown exactly once and in seq order. This is the part of the client most likely to go subtly wrong.
"""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

RUN = """
const done = arguments[arguments.length - 1];
(async () => {
  const { Room } = await import('/js/room.js');
  const { catchUp, receiveLive } = await import('/js/sync.js');
  const room = new Room('r_test');
  room.add({ seq: 1 }); room.add({ seq: 2 });
  const stored = [3, 4, 5, 6, 7].map((seq) => ({ seq, text: `m${seq}` }));
  const asked = [];
  const conn = { request: (msg) => new Promise((resolve) => {
    asked.push(msg.after);
    const rest = stored.filter((m) => m.seq > msg.after);
    setTimeout(() => resolve({ type: 'history', room: msg.room, messages: rest.slice(0, 2), more: rest.length > 2 }), 20);
  }) };
  const delivered = [];
  const running = catchUp(conn, room, (r, m, how) => delivered.push([m.seq, how]));
  // Live traffic during the fetch: one the history will also return, one newer, one duplicate.
  for (const m of [{ seq: 5, text: 'm5' }, { seq: 8, text: 'm8' }, { seq: 3, text: 'm3' }]) {
    if (receiveLive(room, m)) delivered.push([m.seq, 'direct']);
  }
  const result = await running;
  const afterwards = receiveLive(room, { seq: 8, text: 'm8' });
  return { delivered, asked, lastSeq: room.lastSeq, fetched: result.fetched, afterwards };
})().then(done, (e) => done({ error: String(e) }));
"""


def test_history_and_live_messages_merge_once_in_order(server, make_driver):
    driver = make_driver()
    driver.get(server + "/")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#topic-chips input"))
    out = driver.execute_async_script(RUN)
    assert "error" not in out, out
    assert [seq for seq, _ in out["delivered"]] == [3, 4, 5, 6, 7, 8], out
    assert out["delivered"][-1] == [8, "live"], "the live message held during the fetch comes last"
    assert out["asked"] == [2, 4, 6], "pages follow `more`, each after the last seq received"
    assert out["lastSeq"] == 8 and out["fetched"] == 5
    assert out["afterwards"] is False, "a repeat of a known seq is dropped"


def test_reconnect_delays_grow_with_jitter_and_stay_capped(server, make_driver):
    driver = make_driver()
    driver.get(server + "/")
    delays = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        import('/js/backoff.js').then(({ reconnectDelay }) => done(
            [0, 1, 2, 3, 10, 40].map((n) => [reconnectDelay(n, () => 0), reconnectDelay(n, () => 0.999999)])));
    """)
    lows, highs = [low for low, _ in delays], [high for _, high in delays]
    assert lows == sorted(lows) and highs == sorted(highs), delays
    assert all(low * 2 == high or abs(low * 2 - high) <= 1 for low, high in delays), "jitter spans half to all"
    assert highs[-1] <= 15000 and highs[-2] == highs[-1], "capped"
