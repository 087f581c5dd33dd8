#!/usr/bin/env python3
"""Where a JDK Flight Recorder recording's CPU samples went (bench/README.md), for JDK 17, whose
`jfr` has no `view hot-methods`: reads `jfr print --json --events jdk.ExecutionSample` and prints

  - samples by thread (pool names without their numbers),
  - self time by component (the innermost frame's library: PostgreSQL JDBC, Hibernate, the engine...),
  - the hottest methods by self time,
  - inclusive shares of the methods given with --mark (a sample counts once for each), and of the
    back office's own methods (org.cabackoffice) above a threshold.

  - with --waits, the time threads spent blocked (jdk.JavaMonitorEnter, jdk.ThreadPark but idle pool threads, and
    jdk.SocketRead above the recording's thresholds, 10 ms with settings=profile), by thread and
    by the innermost frame outside the JDK: lock contention and the wait for PostgreSQL's answers.

  bench/jfr-hot.py recording.jfr [--thread REGEX] [--top 25] [--mark Class.method ...] [--waits]

JFR keeps at most the recording JVM's stackdepth frames (64 by default): a frame far from the leaf
is undercounted unless the JVM ran with -XX:FlightRecorderOptions=stackdepth=512 (pg-load-run.sh
does). Samples are of threads running Java code; time in PostgreSQL's own processes is not here.
"""
import argparse
import collections
import json
import re
import subprocess

COMPONENTS = [
    ("org.postgresql.", "PostgreSQL JDBC driver"),
    ("org.h2.", "H2"),
    ("com.zaxxer.hikari.", "HikariCP"),
    ("org.hibernate.", "Hibernate"),
    ("org.apache.ibatis.", "MyBatis (engine's persistence)"),
    ("org.camunda.", "Camunda engine and REST"),
    ("org.springframework.security.", "Spring Security"),
    ("org.springframework.", "Spring (other)"),
    ("com.fasterxml.jackson.", "Jackson"),
    ("org.bouncycastle.", "Bouncy Castle"),
    ("org.apache.catalina.", "Tomcat"),
    ("org.apache.coyote.", "Tomcat"),
    ("org.apache.tomcat.", "Tomcat"),
    ("org.thymeleaf.", "Thymeleaf"),
    ("org.cabackoffice.", "back office (own code)"),
    ("ch.qos.logback.", "Logback"),
    ("org.slf4j.", "Logback"),
    ("sun.security.", "JDK security/crypto"),
    ("java.math.", "JDK BigInteger"),
    ("jdk.internal.reflect.", "JDK reflection"),
    ("java.lang.reflect.", "JDK reflection"),
    ("java.lang.invoke.", "JDK reflection"),
    ("java.util.regex.", "JDK regex"),
    ("java.util.", "JDK collections"),
    ("java.lang.", "JDK lang"),
    ("java.net.", "JDK net/io"),
    ("java.io.", "JDK net/io"),
    ("sun.nio.", "JDK net/io"),
    ("java.nio.", "JDK net/io"),
]


def component(frame):
    for prefix, name in COMPONENTS:
        if frame.startswith(prefix):
            return name
    return frame.rsplit(".", 2)[0] if frame.count(".") > 1 else frame


def frames_of(event):
    trace = event["values"].get("stackTrace") or {}
    out = []
    for f in trace.get("frames", []):
        m = f.get("method") or {}
        t = (m.get("type") or {}).get("name", "?")
        out.append(t.replace("/", ".") + "." + m.get("name", "?"))
    return out, bool(trace.get("truncated"))


def thread_of(event):
    t = event["values"].get("sampledThread") or {}
    name = t.get("javaName") or t.get("osName") or "?"
    return re.sub(r"[-#]?\d+$", "", name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("recording")
    ap.add_argument("--thread", help="only threads whose name matches this regex")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--mark", action="append", default=[], help="Class.method (substring) to count inclusively")
    ap.add_argument("--own-min", type=float, default=1.0, help="list own methods at or above this inclusive %%")
    ap.add_argument("--waits", action="store_true", help="also blocked time: monitors, parking, socket reads")
    a = ap.parse_args()
    raw = subprocess.run(
        ["jfr", "print", "--json", "--stack-depth", "512", "--events", "jdk.ExecutionSample", a.recording],
        check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    threads = collections.Counter()
    selected = []
    for e in events:
        th = thread_of(e)
        threads[th] += 1
        if a.thread and not re.search(a.thread, th):
            continue
        selected.append(e)
    total_all = sum(threads.values())
    print(f"{total_all} samples in all")
    for th, c in threads.most_common(12):
        print(f"  {100 * c / total_all:5.1f} %  {c:6d}  {th}")
    total = len(selected)
    if not total:
        return
    print(f"\n{total} samples{' of threads ' + a.thread if a.thread else ''}")
    selfs = collections.Counter()
    comps = collections.Counter()
    incl = collections.Counter()
    marks = collections.Counter()
    truncated = 0
    for e in selected:
        frames, cut = frames_of(e)
        truncated += cut
        if not frames:
            continue
        selfs[frames[0]] += 1
        comps[component(frames[0])] += 1
        seen = set(frames)
        for f in seen:
            incl[f] += 1
        for m in a.mark:
            if any(m in f for f in seen):
                marks[m] += 1
    if truncated:
        print(f"  ({truncated} stacks truncated at the recording's stack depth)")
    print("\nself time by component")
    for c, n in comps.most_common(16):
        print(f"  {100 * n / total:5.1f} %  {c}")
    print("\nhottest methods (self)")
    for f, n in selfs.most_common(a.top):
        print(f"  {100 * n / total:5.1f} %  {f}")
    if a.mark:
        print("\nmarked (inclusive)")
        for m in a.mark:
            print(f"  {100 * marks[m] / total:5.1f} %  {m}")
    print(f"\nback office methods, inclusive >= {a.own_min} %")
    for f, n in incl.most_common():
        if 100 * n / total < a.own_min:
            break
        if f.startswith("org.cabackoffice.") and "$$" not in f:
            print(f"  {100 * n / total:5.1f} %  {f}")
    if a.waits:
        waits(a)


IDLE = (".getTask", "TaskQueue.take", "TaskQueue.poll", "DelayedWorkQueue.take", "SynchronousQueue.poll",
        "LinkedBlockingQueue.take", "HouseKeeper.run")


def seconds(duration):
    # jfr --json prints durations as ISO-8601, e.g. "PT0.012345S"
    m = re.fullmatch(r"PT(?:(\d+)M)?([\d.]+)S", duration or "")
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) if m else 0.0


def waits(a):
    kinds = "jdk.JavaMonitorEnter,jdk.ThreadPark,jdk.SocketRead"
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "512", "--events", kinds, a.recording],
                         check=True, capture_output=True, text=True).stdout
    by_kind = collections.defaultdict(lambda: collections.Counter())
    counts = collections.defaultdict(lambda: collections.Counter())
    for e in json.loads(raw)["recording"]["events"]:
        v = e["values"]
        t = v.get("eventThread") or {}
        th = re.sub(r"[-#]?\d+$", "", t.get("javaName") or "?")
        if a.thread and not re.search(a.thread, th):
            continue
        frames, _ = frames_of(e)
        if e["type"] == "jdk.ThreadPark" and any(f.endswith(IDLE) for f in frames):
            continue  # a pool thread waiting for work, not for a lock
        where = next((f for f in frames if not f.startswith(("java.", "jdk.", "sun."))), frames[0] if frames else "?")
        what = ((v.get("monitorClass") or v.get("parkedClass") or {}) or {}).get("name", "")
        key = (th, where + (f" [{what.replace('/', '.')}]" if what else ""))
        by_kind[e["type"]][key] += seconds(v.get("duration"))
        counts[e["type"]][key] += 1
    for kind in kinds.split(","):
        total = sum(by_kind[kind].values())
        print(f"\n{kind}: {sum(counts[kind].values())} events, {total:.1f} s in all")
        for (th, where), s in by_kind[kind].most_common(a.top // 2):
            print(f"  {s:7.2f} s  {counts[kind][(th, where)]:6d}  {th}  {where}")


if __name__ == "__main__":
    main()
