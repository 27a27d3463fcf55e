//! `chart REPORT.json...`: draws each bench report's chart as an SVG beside it
//! (`target/bench/concurrency.json` gives `target/bench/concurrency.svg`).
//!
//! What to draw is decided in the library (`chart::chart`); this file only draws it with
//! `plotters`' SVG backend. `cargo xtask bench` runs it after the benches.
#![forbid(unsafe_code)]

use std::error::Error;
use std::path::{Path, PathBuf};

use chart::{Bar, Chart, Line, Panel};
use plotters::coord::Shift;
use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::RangedCoordusize;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

type Outcome<T = ()> = Result<T, Box<dyn Error>>;

const WIDTH: u32 = 1000;
const LINES_HEIGHT: u32 = 460;
const BAR_ROW: u32 = 40;
const BARS_MARGIN: u32 = 90;

/// The bars' colours: Rust's rust, Python's blue.
const RUST: RGBColor = RGBColor(0xb7, 0x41, 0x0e);
const PYTHON: RGBColor = RGBColor(0x30, 0x69, 0x98);
const IDEAL: RGBColor = RGBColor(0x88, 0x88, 0x88);
/// The lines' colours, one per series (threads, modelled GIL, Pool...); the language is told
/// by the marker (Rust a circle, CPython a triangle) and the legend.
const KINDS: [RGBColor; 4] = [
    RGBColor(0xd9, 0x5f, 0x02),
    RGBColor(0x75, 0x70, 0xb3),
    RGBColor(0x1b, 0x9e, 0x77),
    RGBColor(0xe7, 0x29, 0x8a),
];

fn main() -> std::process::ExitCode {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: chart REPORT.json... (writes REPORT.svg beside each)");
        return std::process::ExitCode::from(2);
    }
    for path in &paths {
        if let Err(error) = draw_file(path) {
            eprintln!("error: {}: {error}", path.display());
            return std::process::ExitCode::FAILURE;
        }
    }
    std::process::ExitCode::SUCCESS
}

fn draw_file(path: &Path) -> Outcome {
    let report = measure::Report::from_json(&std::fs::read_to_string(path)?)?;
    let chart = chart::chart(&report);
    let out = path.with_extension("svg");
    draw(&chart, &out)?;
    eprintln!("wrote {}", out.display());
    Ok(())
}

fn height(panel: &Panel) -> u32 {
    match panel {
        Panel::Lines { .. } => LINES_HEIGHT,
        Panel::Bars { bars, .. } => BARS_MARGIN + BAR_ROW * bars.len() as u32,
    }
}

fn draw(chart: &Chart, out: &Path) -> Outcome {
    let total = 50 + chart.panels.iter().map(height).sum::<u32>();
    let root = SVGBackend::new(out, (WIDTH, total)).into_drawing_area();
    root.fill(&WHITE)?;
    let root = root.titled(&chart.title, ("sans-serif", 24))?;
    let mut rest = root;
    for panel in &chart.panels {
        let (area, below) = rest.split_vertically(height(panel));
        match panel {
            Panel::Lines {
                title,
                y_label,
                lines,
            } => draw_lines(&area, title, y_label, lines)?,
            Panel::Bars {
                title,
                unit,
                log,
                bars,
            } => draw_bars(&area, title, unit, *log, bars)?,
        }
        rest = below;
    }
    rest.present()?;
    Ok(())
}

fn style(line: &Line) -> ShapeStyle {
    match line.side {
        "ideal" => IDEAL.stroke_width(2),
        _ => KINDS[line.kind % KINDS.len()].stroke_width(2),
    }
}

fn draw_lines(
    area: &DrawingArea<SVGBackend, Shift>,
    title: &str,
    y_label: &str,
    lines: &[Line],
) -> Outcome {
    let points = lines.iter().flat_map(|line| line.points.iter());
    let (max_x, max_y) = points.fold((1.0_f64, 1.0_f64), |(x, y), p| (x.max(p.0), y.max(p.1)));
    let mut chart = ChartBuilder::on(area)
        .caption(title, ("sans-serif", 18))
        .margin(14)
        .x_label_area_size(40)
        .y_label_area_size(56)
        .build_cartesian_2d(0.8..max_x + 0.2, 0.0..(max_y * 1.1).ceil())?;
    chart
        .configure_mesh()
        .x_desc("workers (threads or processes), one 20 ms task each")
        .y_desc(y_label)
        .x_labels(max_x as usize)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .draw()?;
    for line in lines {
        let style = style(line);
        let points = line.points.iter().copied();
        match line.side {
            "rust" => chart.draw_series(points.map(|p| Circle::new(p, 4, style.filled())))?,
            "python" => {
                chart.draw_series(points.map(|p| TriangleMarker::new(p, 6, style.filled())))?
            }
            _ => chart.draw_series(points.map(|p| Cross::new(p, 3, style)))?,
        };
        let side = line.side;
        chart
            .draw_series(LineSeries::new(line.points.iter().copied(), style))?
            .label(&line.name)
            .legend(move |(x, y)| {
                let marker: DynElement<_, _> = match side {
                    "rust" => Circle::new((x + 10, y), 4, style.filled()).into_dyn(),
                    "python" => TriangleMarker::new((x + 10, y), 6, style.filled()).into_dyn(),
                    _ => Cross::new((x + 10, y), 3, style).into_dyn(),
                };
                EmptyElement::at((0, 0))
                    + PathElement::new(vec![(x, y), (x + 20, y)], style)
                    + marker
            });
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .border_style(BLACK)
        .background_style(WHITE.mix(0.9))
        .draw()?;
    Ok(())
}

/// A value as a label shows it, three significant figures or so; microseconds move up to
/// ms or s where they grow large (`26.4 ms`, not `26356 us`).
fn value_text(value: f64, unit: &str) -> String {
    let (value, unit) = match unit {
        "us" if value >= 1e6 => (value / 1e6, "s"),
        "us" if value >= 1e3 => (value / 1e3, "ms"),
        _ => (value, unit),
    };
    measure::format_value(value, unit)
}

/// The segment a bar sits in, counted from the bottom: workload `i`'s Rust bar, then its
/// CPython bar below it, the first workload on top.
fn segment(bars: usize, i: usize, python: bool) -> usize {
    2 * bars - 1 - (2 * i + usize::from(python))
}

fn draw_bars(
    area: &DrawingArea<SVGBackend, Shift>,
    title: &str,
    unit: &str,
    log: bool,
    bars: &[Bar],
) -> Outcome {
    let values = bars.iter().flat_map(|bar| [bar.rust, bar.python]).flatten();
    let (low, high) = values.fold((f64::INFINITY, 0.0_f64), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let segments = 2 * bars.len();
    // Each workload has two segments, Rust's and CPython's; the id labels the Rust one.
    let label = |value: &SegmentValue<usize>| match value {
        SegmentValue::CenterOf(k) if *k < segments && (segments - 1 - k).is_multiple_of(2) => {
            bars[(segments - 1 - k) / 2].id.clone()
        }
        _ => String::new(),
    };
    let mut builder = ChartBuilder::on(area);
    builder
        .caption(title, ("sans-serif", 18))
        .margin(14)
        .x_label_area_size(30)
        .y_label_area_size(260);
    let y_range = (0..segments).into_segmented();
    if log {
        let low = 10f64.powf((low.max(1e-3) / 2.0).log10().floor());
        let high = 10f64.powf((high * 20.0).log10().ceil());
        let mut chart = builder.build_cartesian_2d((low..high).log_scale(), y_range)?;
        chart
            .configure_mesh()
            .y_labels(segments)
            .y_label_formatter(&label)
            .x_label_formatter(&|x| value_text(*x, unit))
            .disable_y_mesh()
            .draw()?;
        draw_bar_rows(&mut chart, bars, low, unit)?;
    } else {
        let mut chart = builder.build_cartesian_2d(0.0..(high * 1.3).max(1e-9), y_range)?;
        chart
            .configure_mesh()
            .y_labels(segments)
            .y_label_formatter(&label)
            .disable_y_mesh()
            .draw()?;
        draw_bar_rows(&mut chart, bars, 0.0, unit)?;
    }
    Ok(())
}

fn draw_bar_rows<X>(
    chart: &mut ChartContext<SVGBackend, Cartesian2d<X, SegmentedCoord<RangedCoordusize>>>,
    bars: &[Bar],
    base: f64,
    unit: &str,
) -> Outcome
where
    X: Ranged<ValueType = f64>,
{
    for (i, bar) in bars.iter().enumerate() {
        for (value, python, colour, who) in [
            (bar.rust, false, RUST, "Rust"),
            (bar.python, true, PYTHON, "CPython"),
        ] {
            let Some(value) = value else { continue };
            let k = segment(bars.len(), i, python);
            let corners = [
                (base, SegmentValue::Exact(k)),
                (value, SegmentValue::Exact(k + 1)),
            ];
            chart.draw_series([
                Rectangle::new(corners.clone(), colour.filled()),
                // A white edge keeps the two bars of a workload apart.
                Rectangle::new(corners, WHITE.stroke_width(2)),
            ])?;
            chart.draw_series(std::iter::once(Text::new(
                format!(" {who} {}", value_text(value, unit)),
                (value, SegmentValue::CenterOf(k)),
                TextStyle::from(("sans-serif", 12).into_font())
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            )))?;
        }
    }
    Ok(())
}
