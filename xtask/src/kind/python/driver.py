"""Runs a chain of a page's Python blocks in one interpreter, for xtask's python kind.

Usage: python3 -I -u driver.py [--import-from-here] REPORT STEP...

With --import-from-here, this driver's directory goes first on sys.path, as a script's own
directory does when `-I` is not given: the check copies the extension module there.

Each STEP is a file: `*.py` a script, `*.pycon` a `>>>` transcript. They run in order in one
`__main__` namespace, as a reader runs them one after the other in one session. The output of
every step but the last is discarded, and so is any exception it raises: each block is checked
by a trial of its own, and here it only sets up the names the last one uses. A last script's
uncaught exception is printed as the interpreter prints it, without this driver's frames, and
ends the run with status 1. A last transcript is checked by doctest with ELLIPSIS, and what it
found is written to REPORT as JSON: {"examples": N, "failures": [{"line", "source", "want",
"got"}]}, where `line` is the 0-based line of the example in the transcript and `source` the
number of its source lines.
"""

import contextlib
import doctest
import json
import os
import sys
import traceback
import types

TRACEBACK = "Traceback (most recent call last):\n"


def main():
    arguments = sys.argv[1:]
    if arguments[0] == "--import-from-here":
        arguments = arguments[1:]
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    report, *steps = arguments
    module = types.ModuleType("__main__")
    # Functions the blocks define pickle as `__main__.name`, as they would in a script of
    # their own (multiprocessing needs that).
    sys.modules["__main__"] = module
    namespace = module.__dict__
    for step in steps[:-1]:
        with discarded_output():
            try:
                run(step, namespace, None)
            except BaseException:
                pass
    run(steps[-1], namespace, report)


def run(path, namespace, report):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    if path.endswith(".pycon"):
        check_transcript(path, text, namespace, report)
        return
    namespace["__file__"] = path
    code = compile(text, path, "exec")
    try:
        exec(code, namespace)
    except SystemExit:
        raise
    except BaseException as error:
        if report is None:
            raise
        # This frame is the driver's, not the reader's.
        error.__traceback__ = error.__traceback__.tb_next
        # The three-argument form: 3.9 has no other.
        traceback.print_exception(type(error), error, error.__traceback__)
        sys.exit(1)


class Recorder(doctest.DocTestRunner):
    """A doctest runner that keeps each failure instead of printing it."""

    def __init__(self):
        super().__init__(optionflags=doctest.ELLIPSIS, verbose=False)
        self.found = []

    def report_start(self, out, test, example):
        pass

    def report_success(self, out, test, example, got):
        pass

    def report_failure(self, out, test, example, got):
        if example.exc_msg is not None and TRACEBACK in got:
            # As a page writes it: the header, elided frames, the exception's last line.
            output, _, trace = got.partition(TRACEBACK)
            got = output + TRACEBACK + "    ...\n" + trace.rstrip("\n").split("\n")[-1] + "\n"
        self.record(example, got)

    def report_unexpected_exception(self, out, test, example, exc_info):
        last = traceback.format_exception_only(*exc_info[:2])[-1]
        self.record(example, TRACEBACK + "    ...\n" + last)

    def record(self, example, got):
        self.found.append(
            {
                "line": example.lineno,
                "source": example.source.count("\n"),
                "want": example.want,
                "got": got,
            }
        )


def check_transcript(path, text, namespace, report):
    name = os.path.basename(path)
    test = doctest.DocTestParser().get_doctest(text, namespace, name, path, 0)
    recorder = Recorder()
    recorder.run(test, out=lambda _: None, clear_globs=False)
    # DocTest works on a copy of the namespace: hand its names back, so that a later block
    # that continues this transcript sees what the session defined.
    namespace.update(test.globs)
    if report is not None:
        with open(report, "w", encoding="utf-8") as file:
            json.dump({"examples": len(test.examples), "failures": recorder.found}, file)


@contextlib.contextmanager
def discarded_output():
    """Sends file descriptors 1 and 2 to /dev/null, so a child process's output goes too."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (null, *saved):
            os.close(fd)


if __name__ == "__main__":
    main()
