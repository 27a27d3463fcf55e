"""`cargo xtask bench asyncio`, the CPython side of `many_waits.rs`: many waits served by
threads and by asyncio tasks, and what a waiting thread and a waiting task cost in memory.

- serve-threads, serve-tasks: REQUESTS requests sent at once to a local asyncio server (in a
  thread of its own, started and stopped around each run) that answers each DELAY after it
  came: a thread each (socket calls that block), then a task each on one loop.
- waiting-thread-kib, waiting-task-kib: the growth of VmRSS (/proc/self/status) over WAITERS
  threads waiting on an Event, or tasks waiting on an asyncio.Event, divided by their number;
  each run in a fresh child process, as on the Rust side.
"""

import asyncio
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "measure"))
import measure  # noqa: E402
from measure import full_or_quick, repeats, report  # noqa: E402

SHARED = measure.shared(__file__)  # shared.json, which many_waits.rs reads too
REQUESTS = SHARED["requests"]
DELAY = SHARED["delay_ms"] / 1e3  # seconds
WAITERS = SHARED["waiters"]
IDLE = 5  # seconds the server waits for a client, or a request line, before it gives up


def start_slow_server(requests):
    """An asyncio server on 127.0.0.1 in a thread of its own; stops after `requests` answers
    (or IDLE seconds after the last client)."""
    started, box = threading.Event(), {"answered": 0}

    async def answer(reader, writer):
        if await asyncio.wait_for(reader.readline(), IDLE) == b"wait\n":
            await asyncio.sleep(DELAY)
            writer.write(b"done\n")
            await writer.drain()
            box["answered"] += 1
        writer.close()
        box["progress"].set()

    async def serve():
        box["progress"] = asyncio.Event()
        server = await asyncio.start_server(answer, "127.0.0.1", 0, backlog=1024)
        box["port"] = server.sockets[0].getsockname()[1]
        started.set()
        async with server:
            while box["answered"] < requests:
                try:
                    await asyncio.wait_for(box["progress"].wait(), IDLE)
                except asyncio.TimeoutError:
                    break
                box["progress"].clear()

    thread = threading.Thread(target=asyncio.run, args=(serve(),))
    thread.start()
    started.wait()
    return box, thread


def fetch(port):
    with socket.create_connection(("127.0.0.1", port), timeout=IDLE) as connection:
        connection.sendall(b"wait\n")
        return connection.makefile("rb").read()


async def fetch_async(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"wait\n")
    answer = await reader.read()
    writer.close()
    return answer


def in_threads(port):
    threads = [threading.Thread(target=fetch, args=(port,)) for _ in range(REQUESTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


async def in_tasks(port):
    await asyncio.gather(*(fetch_async(port) for _ in range(REQUESTS)))


def served(fetch_all):
    runs = []
    for _ in range(repeats()):
        box, server = start_slow_server(REQUESTS)
        runs.append(measure.seconds(lambda: fetch_all(box["port"])) * 1e3)
        server.join()
        if box["answered"] != REQUESTS:
            raise RuntimeError(f"{box['answered']} of {REQUESTS} requests answered")
    return runs


def serve():
    serial = round(DELAY * 1e3 * REQUESTS)
    report(
        "serve-threads",
        served(in_threads),
        "ms",
        f"{REQUESTS} requests, {DELAY * 1e3:.0f} ms each (one after another: {serial} ms), a thread each",
    )
    report(
        "serve-tasks",
        served(lambda port: asyncio.run(in_tasks(port))),
        "ms",
        "  the same, a task each on one thread (tokio current_thread / asyncio)",
    )


def resident_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS line in /proc/self/status")


def threads_waiting(count):
    before, started, release = resident_kib(), threading.Barrier(count + 1), threading.Event()

    def wait():
        started.wait()
        release.wait()

    threads = [threading.Thread(target=wait) for _ in range(count)]
    for thread in threads:
        thread.start()
    started.wait()
    during = resident_kib()
    release.set()
    for thread in threads:
        thread.join()
    return during - before


async def tasks_waiting(count):
    before, release, started = resident_kib(), asyncio.Event(), []

    async def wait():
        started.append(1)
        await release.wait()

    tasks = [asyncio.create_task(wait()) for _ in range(count)]
    while len(started) < count:
        await asyncio.sleep(0)
    during = resident_kib()
    release.set()
    await asyncio.gather(*tasks)
    return during - before


def per_waiter(kind, count):
    runs = []
    for _ in range(repeats()):
        child = [sys.executable, "-B", __file__, "waiters", kind, str(count)]
        growth = int(subprocess.run(child, check=True, capture_output=True, text=True).stdout)
        runs.append(growth / count)
    return runs


def memory():
    count = full_or_quick(WAITERS, WAITERS // 5)
    report(
        "waiting-thread-kib",
        per_waiter("threads", count),
        "KiB",
        f"resident memory per waiting thread ({count} waiting, fresh process)",
    )
    report(
        "waiting-task-kib",
        per_waiter("tasks", count),
        "KiB",
        "  per waiting task, on one thread (tokio / asyncio)",
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["waiters"]:
        kind, count = sys.argv[2], int(sys.argv[3])
        growth = threads_waiting(count) if kind == "threads" else asyncio.run(tasks_waiting(count))
        print(growth)
    else:
        measure.run_steps([("serve-threads", serve), ("waiting-thread-kib", memory)])
