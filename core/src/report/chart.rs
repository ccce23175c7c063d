//! The geometry of an indicator's line chart, worked out in plain code so
//! the SVG the UI draws is only a rendering of tested numbers.

/// Drawing area in SVG user units; the UI scales it to the page width.
pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 260.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;
/// The widest a character of the 12px label font is drawn, in user units,
/// so a label's estimated width is never less than its real one.
const CHAR_WIDTH: f64 = 7.5;
/// At most this many quarter labels along the bottom.
const MOST_LABELS: usize = 8;
/// The least space between two labels side by side.
const LABEL_GAP: f64 = 4.0;

#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub points: Vec<ChartPoint>,
    /// Horizontal gridlines: (y, label).
    pub ticks: Vec<(f64, String)>,
    /// Where the target is drawn.
    pub target: TargetLine,
    /// "Target", beside the target line.
    pub target_label: Option<AxisLabel>,
    /// Quarter labels under the points, thinned to at most eight (the last
    /// always shown), kept inside the drawing and apart from each other.
    pub x_labels: Vec<AxisLabel>,
    /// The x of the plot's left and right edges and the y of its baseline,
    /// for axes.
    pub left: f64,
    pub right: f64,
    pub bottom: f64,
}

/// The target for each point's period, as drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum TargetLine {
    None,
    /// The same for every point: a dashed line across the plot at this y.
    Level(f64),
    /// Different from point to point (a year-to-date target grows through
    /// the year): a dashed line through these (x, y).
    Steps(Vec<(f64, f64)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub value: f64,
}

/// A text label drawn centred on (x, y) (`text-anchor: middle`).
#[derive(Debug, Clone, PartialEq)]
pub struct AxisLabel {
    pub x: f64,
    pub y: f64,
    pub text: String,
}

impl AxisLabel {
    /// Centred on `x` but moved inwards as far as needed for the whole text
    /// to fit between 0 and [`WIDTH`].
    fn inside(x: f64, y: f64, text: &str) -> AxisLabel {
        let half = Self::width_of(text) / 2.0;
        AxisLabel { x: x.clamp(half, (WIDTH - half).max(half)), y, text: text.to_string() }
    }

    fn width_of(text: &str) -> f64 {
        text.chars().count() as f64 * CHAR_WIDTH
    }

    /// The leftmost and rightmost x the text can reach, at its widest.
    pub fn extent(&self) -> (f64, f64) {
        let half = Self::width_of(&self.text) / 2.0;
        (self.x - half, self.x + half)
    }
}

impl LineChart {
    /// Lays out `(label, value, target for that value's period)` left to
    /// right, scaled so every value and target fit, with the axis starting
    /// at zero for counts.
    pub fn new(series: &[(String, f64, Option<f64>)]) -> LineChart {
        let targets: Vec<f64> = series.iter().filter_map(|(_, _, t)| *t).collect();
        let values = series.iter().map(|(_, v, _)| *v).chain(targets.iter().copied());
        let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let (lo, hi) = if lo.is_finite() { (lo.min(0.0), hi) } else { (0.0, 1.0) };
        let (lo, hi, step) = nice_range(lo, hi);
        let plot_w = WIDTH - LEFT - RIGHT;
        let plot_h = HEIGHT - TOP - BOTTOM;
        let y_of = |v: f64| TOP + plot_h * (1.0 - (v - lo) / (hi - lo));
        let gap = if series.len() > 1 { plot_w / (series.len() - 1) as f64 } else { 0.0 };
        let x_of = |i: usize| if series.len() > 1 { LEFT + gap * i as f64 } else { LEFT + plot_w / 2.0 };
        let points: Vec<ChartPoint> = series
            .iter()
            .enumerate()
            .map(|(i, (label, value, _))| ChartPoint {
                x: x_of(i),
                y: y_of(*value),
                label: label.clone(),
                value: *value,
            })
            .collect();
        let mut ticks = Vec::new();
        let mut v = lo;
        while v <= hi + step / 2.0 {
            ticks.push((y_of(v), crate::model::performance::format_number(v)));
            v += step;
        }
        let steps: Vec<(f64, f64)> =
            series.iter().enumerate().filter_map(|(i, (_, _, t))| t.map(|t| (x_of(i), y_of(t)))).collect();
        let level = targets.first().filter(|first| targets.iter().all(|t| t == *first));
        let (target, target_label) = match (level, steps.last()) {
            (_, None) => (TargetLine::None, None),
            (Some(t), Some(_)) => {
                let y = y_of(*t);
                (TargetLine::Level(y), Some(AxisLabel::inside(WIDTH - RIGHT - 24.0, y - 6.0, "Target")))
            }
            (None, Some(&(x, y))) => {
                // Beside the last target, on the side away from the value's line.
                let value_y = points.iter().rev().find(|p| p.x == x).map_or(y, |p| p.y);
                let below = y >= value_y && y + 16.0 <= HEIGHT - BOTTOM;
                let label_y = if below { y + 16.0 } else { y - 8.0 };
                (TargetLine::Steps(steps.clone()), Some(AxisLabel::inside(x, label_y, "Target")))
            }
        };
        let every = points.len().div_ceil(MOST_LABELS).max(1);
        let candidates = points
            .iter()
            .enumerate()
            .filter(|(n, _)| n % every == 0 || n + 1 == points.len())
            .map(|(_, p)| AxisLabel::inside(p.x, HEIGHT - BOTTOM + 20.0, &p.label));
        // From the right, so the last quarter keeps its label even where it
        // was moved in over its neighbour's.
        let mut x_labels: Vec<AxisLabel> = Vec::new();
        for label in candidates.rev() {
            if x_labels.last().is_none_or(|kept| label.extent().1 + LABEL_GAP <= kept.extent().0) {
                x_labels.push(label);
            }
        }
        x_labels.reverse();
        LineChart {
            points,
            ticks,
            target,
            target_label,
            x_labels,
            left: LEFT,
            right: WIDTH - RIGHT,
            bottom: HEIGHT - BOTTOM,
        }
    }

    /// The SVG `points` attribute of the line.
    pub fn polyline(&self) -> String {
        join_points(self.points.iter().map(|p| (p.x, p.y)))
    }

    /// The SVG `points` attribute of a target that changes from point to
    /// point; empty otherwise.
    pub fn target_polyline(&self) -> String {
        match &self.target {
            TargetLine::Steps(steps) => join_points(steps.iter().copied()),
            _ => String::new(),
        }
    }
}

fn join_points(points: impl Iterator<Item = (f64, f64)>) -> String {
    points.map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ")
}

/// A range starting and ending on round numbers, with about five steps.
fn nice_range(lo: f64, hi: f64) -> (f64, f64, f64) {
    let span = if hi > lo { hi - lo } else { hi.abs().max(1.0) };
    let raw = span / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(raw);
    let lo = (lo / step).floor() * step;
    let hi = ((hi / step).ceil() * step).max(lo + step);
    (lo, hi, step)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(values: &[(&str, f64, Option<f64>)]) -> Vec<(String, f64, Option<f64>)> {
        values.iter().map(|(l, v, t)| (l.to_string(), *v, *t)).collect()
    }

    #[test]
    fn points_run_left_to_right_and_higher_values_sit_higher() {
        let chart = LineChart::new(&series(&[
            ("Q1", 300.0, Some(280.0)),
            ("Q2", 250.0, Some(280.0)),
            ("Q3", 320.0, Some(280.0)),
        ]));
        assert_eq!(chart.points.len(), 3);
        assert!(chart.points[0].x < chart.points[1].x && chart.points[1].x < chart.points[2].x);
        assert!(chart.points[2].y < chart.points[0].y, "320 is drawn above 300");
        let TargetLine::Level(target) = chart.target else { panic!("one target for every quarter is a level line") };
        assert!(target > chart.points[2].y && target < chart.points[1].y);
        assert_eq!(chart.ticks.first().map(|t| t.1.as_str()), Some("0"), "counts start at zero");
        assert!(chart.ticks.iter().all(|(y, _)| *y >= 0.0 && *y <= HEIGHT));
        assert!(chart.polyline().starts_with("64.0,"));
        assert_eq!(chart.target_polyline(), "");
    }

    #[test]
    fn no_values_or_one_value_still_draws() {
        let empty = LineChart::new(&[]);
        assert!(empty.points.is_empty() && !empty.ticks.is_empty());
        assert_eq!((empty.target, empty.target_label), (TargetLine::None, None));
        let one = LineChart::new(&series(&[("Q1", 0.0, None)]));
        assert_eq!(one.points.len(), 1);
        assert!(one.points[0].y.is_finite());
    }

    #[test]
    fn a_target_to_date_is_drawn_through_each_quarters_target_and_fits() {
        let chart = LineChart::new(&series(&[
            ("Q3 2018-19", 287.0, Some(256.5)),
            ("Q4 2018-19", 383.0, Some(342.0)),
            ("Q1 2019-20", 102.0, Some(85.5)),
        ]));
        let TargetLine::Steps(steps) = &chart.target else { panic!("a growing target is drawn point by point") };
        assert_eq!(steps.len(), 3);
        assert!(steps[1].1 < steps[0].1 && steps[2].1 > steps[0].1, "up to Q4, back down in April");
        assert_eq!(chart.ticks.last().map(|t| t.1.as_str()), Some("400"), "the scale fits 383 and 342");
        assert!(chart.target_polyline().starts_with("64.0,"));
        let label = chart.target_label.expect("a target label");
        assert!(label.y > steps[2].1, "below the last target, away from the higher value line above it");
    }

    #[test]
    fn every_axis_label_is_inside_the_drawing() {
        // Eleven quarters: thinned to every second, with the last one always shown.
        let labels: Vec<String> = (0..11).map(|n| format!("Q{} {}-{}", n % 4 + 1, 2017 + n / 4, 18 + n / 4)).collect();
        let many: Vec<(String, f64, Option<f64>)> =
            labels.iter().enumerate().map(|(n, l)| (l.clone(), 100.0 + n as f64, Some(95.0))).collect();
        for chart in [LineChart::new(&many), LineChart::new(&many[..1]), LineChart::new(&many[..2])] {
            let last = chart.points.last().map(|p| p.label.clone());
            assert_eq!(chart.x_labels.last().map(|l| l.text.clone()), last, "the last quarter is labelled");
            for label in chart.x_labels.iter().chain(&chart.target_label) {
                let (left, right) = label.extent();
                assert!(left >= 0.0 && right <= WIDTH, "{} runs from {left} to {right}", label.text);
                assert!(label.y > 0.0 && label.y <= HEIGHT);
            }
        }
        for n in 1..=many.len() {
            let chart = LineChart::new(&many[..n]);
            for pair in chart.x_labels.windows(2) {
                assert!(pair[0].extent().1 < pair[1].extent().0, "{} and {} overlap", pair[0].text, pair[1].text);
            }
        }
        // Seven quarters: the last label is moved in over the sixth's place, so the sixth gives way.
        let seven = LineChart::new(&many[..7]);
        let texts: Vec<&str> = seven.x_labels.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Q1 2017-18", "Q2 2017-18", "Q3 2017-18", "Q4 2017-18", "Q1 2018-19", "Q3 2018-19"]);
        let chart = LineChart::new(&many);
        assert_eq!(chart.x_labels.len(), 6, "0, 2, 4, 6, 8 and 10");
        let last = chart.x_labels.last().expect("a label");
        assert!(last.x < chart.right, "the last label is moved in from the last point, not cut off");
    }
}
