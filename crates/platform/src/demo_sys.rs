//! The demo's sections: `sys.platform` first (the notes' example), then the rest of `sys`.

use demo::{Section, yes_no};
use platform::build_time::{AFFINITY_SOURCE, Facts};
use platform::cpus::{CpuCounts, pinned_to_one_cpu};
use platform::exit::{Way, run_child};
use platform::{attributes, search_path, sys_platform};

pub(crate) const SECTIONS: &[Section] = &[
    Section {
        name: "os",
        title: "The OS as Rust code reads it: std::env::consts::OS, and cfg!",
        run: os,
    },
    Section {
        name: "sys-platform",
        title: "sys.platform, read from the running system",
        run: platform_name,
    },
    Section {
        name: "sys-path",
        title: "sys.path has no counterpart: crates are found at build time",
        run: sys_path,
    },
    Section {
        name: "table",
        title: "sys, os and platform attributes beside their Rust counterparts",
        run: table,
    },
    Section {
        name: "cfg-vs-runtime",
        title: "Compile-time platform knowledge (#[cfg], cfg!, consts) vs run time (uname)",
        run: cfg_vs_runtime,
    },
    Section {
        name: "cpus",
        title: "How many threads to start: available_parallelism()",
        run: cpus,
    },
    Section {
        name: "cpu-count",
        title: "os.cpu_count() vs num_cpus vs the affinity mask: what a pool should use",
        run: cpu_count,
    },
    Section {
        name: "exit",
        title: "sys.exit unwinds, std::process::exit does not",
        run: exit,
    },
];

/// Prints name-value rows under a heading: indented, the values in one column after `gap`.
fn print_aligned(rows: &[[&str; 2]], gap: &str) {
    for line in demo::table::columns(rows, gap) {
        println!("  {line}");
    }
}

/// What Rust code writes where Python reads `sys.platform`: a constant of the build.
fn os() -> demo::Result {
    // ANCHOR: consts_os
    let os = std::env::consts::OS; // "linux", "macos", "windows": fixed when compiled
    println!("built for {os:?}, for Windows: {}", cfg!(windows));
    // ANCHOR_END: consts_os
    Ok(())
}

/// What Rust code writes where Python sizes a pool by `os.cpu_count()`.
fn cpus() -> demo::Result {
    // ANCHOR: available_parallelism
    let threads = std::thread::available_parallelism()?.get();
    println!("start {threads} worker threads");
    // ANCHOR_END: available_parallelism
    Ok(())
}

fn platform_name() -> demo::Result {
    println!("std::env::consts::OS = {:?}", std::env::consts::OS);
    println!("sys.platform = '{}'", sys_platform::sys_platform()?);
    println!("CPython's rule for other targets, from their OS constant and uname:");
    for (os, sysname, release) in [
        ("macos", "Darwin", "23.5.0"),
        ("windows", "", ""),
        ("freebsd", "FreeBSD", "14.1-RELEASE"),
    ] {
        let python = sys_platform::python_sys_platform(os, sysname, release);
        println!("  python_sys_platform({os:?}, {sysname:?}, {release:?}) = '{python}'");
    }
    Ok(())
}

fn sys_path() -> demo::Result {
    let deps = search_path::build_time_dependencies();
    println!("crates this binary was built with (its Cargo.toml, embedded by include_str!):");
    println!("  {}", deps.join(", "));
    println!("PATH, searched at run time for programs, first match wins:");
    println!("  {} directories", search_path::path_entries().len());
    match search_path::which("sh") {
        Some(path) => println!("  \"sh\" resolves to {}", path.display()),
        None => println!("  \"sh\" is in none of them"),
    }
    Ok(())
}

fn table() -> demo::Result {
    let mut rows = attributes::table()?;
    let outcome = run_child(&std::env::current_exe()?, Way::ProcessExit)?;
    rows.push(attributes::exit_row(&outcome));
    for line in attributes::render(&rows) {
        println!("{line}");
    }
    Ok(())
}

fn cfg_vs_runtime() -> demo::Result {
    let facts = Facts::read()?;
    println!("build time, constants of the target:");
    print_aligned(
        &[
            ["std::env::consts::OS", &format!("{:?}", facts.os)],
            ["std::env::consts::FAMILY", &format!("{:?}", facts.family)],
            ["std::env::consts::ARCH", &format!("{:?}", facts.arch)],
            ["cfg!(unix)", &facts.unix.to_string()],
            [
                "cfg!(target_pointer_width = \"64\")",
                &facts.pointer_64.to_string(),
            ],
        ],
        " = ",
    );
    println!("  #[cfg] chose: {AFFINITY_SOURCE}");
    println!("run time, asked of the kernel (uname):");
    println!("  uname().sysname() = {:?}", facts.kernel);
    println!("  uname().release() = {:?}", facts.release);
    println!("  uname().machine() = {:?}", facts.machine);
    println!(
        "the target's ARCH is the running machine's: {}",
        yes_no(facts.arch_matches_machine())
    );
    Ok(())
}

fn cpu_count() -> demo::Result {
    let counts = CpuCounts::read()?;
    let rows = [
        [
            "os.cpu_count()",
            "sysconf(_SC_NPROCESSORS_ONLN)",
            &counts.online.to_string(),
        ],
        [
            "len(os.sched_getaffinity(0))",
            "nix sched_getaffinity",
            &counts.affinity.to_string(),
        ],
        ["", "num_cpus::get()", &counts.num_cpus.to_string()],
        [
            "",
            "thread::available_parallelism()",
            &counts.available_parallelism.to_string(),
        ],
        ["", "num_cpus::get_physical()", &counts.physical.to_string()],
    ];
    for line in demo::table::columns(&rows, "  ") {
        println!("{line}");
    }
    println!(
        "a pool should use available_parallelism(): {}",
        counts.pool_size()
    );
    println!("in a thread pinned to one CPU (as taskset -c 0 does to a process):");
    match pinned_to_one_cpu() {
        Ok(pinned) => {
            let as_unpinned = yes_no(pinned.online == counts.online);
            print_aligned(
                &[
                    ["affinity mask:", &pinned.affinity.to_string()],
                    ["pool size:", &pinned.pool_size().to_string()],
                    [
                        "os.cpu_count() analog:",
                        &format!("{} (as unpinned: {as_unpinned})", pinned.online),
                    ],
                    ["num_cpus::get() (may cache):", &pinned.num_cpus.to_string()],
                ],
                " ",
            );
        }
        Err(error) => println!("  not possible here: {error}"),
    }
    Ok(())
}

fn exit() -> demo::Result {
    let exe = std::env::current_exe()?;
    let mut rows = Vec::new();
    for way in Way::ALL {
        let outcome = run_child(&exe, way)?;
        let status = outcome
            .status
            .map_or_else(|| "killed by a signal".to_owned(), |code| code.to_string());
        rows.push([
            way.code().to_owned(),
            format!("status {status}, Drop ran: {}", yes_no(outcome.dropped)),
        ]);
    }
    // The code each child ran, then what the parent saw of it, four spaces apart.
    for line in demo::table::columns(&rows, "    ") {
        println!("{line}");
    }
    Ok(())
}
