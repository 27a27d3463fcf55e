//! The `sys` and `os` facts read here against the real `python3` on the same machine:
//! `sys.platform`, the CPU counts, `sys.maxsize`, `sys.byteorder`, `os.uname()`, and what
//! `sys.exit` does to a `finally` block.
//!
//! A `harness = false` target of comparison trials: where `python3` cannot be started, a
//! comparison is reported ignored, with the reason (a failure under `REQUIRE_PYTHON=1`).

use platform::attributes::table;
use platform::cpus::CpuCounts;
use platform::sys_platform::sys_platform;
use python::{comparison, run_trials};

fn main() -> std::process::ExitCode {
    run_trials(vec![
        comparison("sys_platform_agrees_with_the_real_python", || {
            let real = python::run("import sys; print(sys.platform)")?;
            assert_eq!(sys_platform().unwrap(), real);
            Some(())
        }),
        #[cfg(target_os = "linux")]
        comparison("cpu_counts_agree_with_the_real_python", || {
            let code = "import os; print(os.cpu_count(), len(os.sched_getaffinity(0)))";
            let real = python::run(code)?;
            let counts = CpuCounts::read().unwrap();
            assert_eq!(real, format!("{} {}", counts.online, counts.affinity));
            Some(())
        }),
        comparison(
            "maxsize_byteorder_and_uname_agree_with_the_real_python",
            || {
                let code = "import sys, os; u = os.uname(); print(sys.maxsize); print(sys.byteorder); \
                        print(', '.join(repr(f) for f in u).replace(\"'\", '\"'))";
                let real = python::run(code)?;
                let rows = table().unwrap();
                let value = |python: &str| {
                    let row = rows.iter().find(|r| r.python == python);
                    row.unwrap().value.clone()
                };
                let expected = [
                    value("sys.maxsize"),
                    value("sys.byteorder"),
                    value("platform.uname()"),
                ];
                assert_eq!(real, expected.join("\n"));
                Some(())
            },
        ),
        comparison("python_sys_exit_runs_finally_blocks", || {
            let code = "import sys\ntry:\n    sys.exit(3)\nfinally:\n    print('guard dropped')";
            let output = python::output(code)?;
            assert_eq!(output.status.code(), Some(3));
            assert_eq!(
                String::from_utf8_lossy(&output.stdout).trim(),
                "guard dropped"
            );
            Some(())
        }),
    ])
}
