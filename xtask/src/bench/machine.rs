//! What a figure depends on besides the code: the machine, how busy it was, and the
//! versions of the two languages, as the JSON records them.

use std::num::NonZeroUsize;
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use measure::report::{LoadAverage, Machine};

/// The load averages (1, 5 and 15 minutes) from `/proc/loadavg`, where there is one.
pub fn load_average() -> Option<[f64; 3]> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    let mut fields = text.split_whitespace().map(|field| field.parse().ok());
    Some([fields.next()??, fields.next()??, fields.next()??])
}

/// The CPU's model name from `/proc/cpuinfo` (`model name`, or `Model` on some ARM boards).
pub fn cpu_model() -> Option<String> {
    let text = std::fs::read_to_string("/proc/cpuinfo").ok()?;
    text.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        matches!(key.trim(), "model name" | "Model").then(|| value.trim().to_string())
    })
}

/// The cores this process may run on (the affinity mask honoured), and those online.
pub fn cores() -> (NonZeroUsize, Option<usize>) {
    let usable = std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN);
    let online = nix::unistd::sysconf(nix::unistd::SysconfVar::_NPROCESSORS_ONLN)
        .ok()
        .flatten()
        .and_then(|n| usize::try_from(n).ok());
    (usable, online)
}

/// The first line a command prints, if it runs and succeeds.
pub fn first_line(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text.lines().next()?.trim();
    (output.status.success() && !line.is_empty()).then(|| line.to_string())
}

/// The CPython the Python side runs: the one chosen as for the check (`XTASK_PYTHON`, else
/// `python3`), if it starts.
pub fn python() -> Option<python::Interpreter> {
    python::probe(&python::chosen(None), python::PROBE_TIMEOUT).ok()
}

/// `rustc --version`, of the compiler cargo uses (`RUSTC`, as cargo sets it, or `rustc`).
pub fn rustc_version() -> Option<String> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
    first_line(&rustc, &["--version"])
}

/// The machine, as the report records it.
pub fn describe(load_at_start: Option<[f64; 3]>) -> Machine {
    let (usable, online) = cores();
    Machine {
        usable_cores: usable,
        online_cores: online,
        cpu_model: cpu_model(),
        os: format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
        load_average_at_start: load_at_start.map(|[one, five, fifteen]| LoadAverage {
            one,
            five,
            fifteen,
        }),
    }
}

/// The machine in one line, for the terminal: `machine: 2 usable cores (Intel(R) ...),
/// load average at the start 0.41 0.62 0.55 (1, 5, 15 min)`.
pub fn summary(machine: &Machine) -> String {
    let cores = machine.usable_cores;
    let model = machine
        .cpu_model
        .as_ref()
        .map_or(String::new(), |model| format!(" ({model})"));
    let load = match machine.load_average_at_start {
        Some(LoadAverage { one, five, fifteen }) => format!(
            "load average at the start {one:.2} {five:.2} {fifteen:.2} (1, 5, 15 min; other \
             processes on the cores lower the speedups)"
        ),
        None => "load average unknown".to_string(),
    };
    format!("machine: {cores} usable cores{model}, {load}")
}

/// Now, in UTC, as RFC 3339 (`2026-12-01T20:30:00Z`).
pub fn now_utc() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    rfc3339(seconds)
}

/// Seconds since the epoch as an RFC 3339 UTC date and time.
fn rfc3339(seconds: u64) -> String {
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The proleptic Gregorian date of a day number (0 = 1970-01-01): Howard Hinnant's
/// `civil_from_days`, which counts in 400-year eras starting on 1 March so that the leap day
/// falls at the end of a year.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_and_leap_days_land_right() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_796_156_130), "2026-12-01T20:15:30Z");
    }
}
