//! The geometry of an indicator's line chart, worked out in plain code so
//! the SVG the UI draws is only a rendering of tested numbers.

/// Drawing area in SVG user units; the UI scales it to the page width.
pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 260.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;

#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub points: Vec<ChartPoint>,
    /// Horizontal gridlines: (y, label).
    pub ticks: Vec<(f64, String)>,
    /// The target as a horizontal line, when there is one.
    pub target_y: Option<f64>,
    /// The x of the plot's left edge and the y of its baseline, for axes.
    pub left: f64,
    pub bottom: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub value: f64,
}

impl LineChart {
    /// Lays out `(label, value)` pairs left to right, scaled so every value
    /// and the target fit, with the axis starting at zero for counts.
    pub fn new(series: &[(String, f64)], target: Option<f64>) -> LineChart {
        let values = series.iter().map(|(_, v)| *v).chain(target);
        let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let (lo, hi) = if lo.is_finite() { (lo.min(0.0), hi) } else { (0.0, 1.0) };
        let (lo, hi, step) = nice_range(lo, hi);
        let plot_w = WIDTH - LEFT - RIGHT;
        let plot_h = HEIGHT - TOP - BOTTOM;
        let y_of = |v: f64| TOP + plot_h * (1.0 - (v - lo) / (hi - lo));
        let gap = if series.len() > 1 { plot_w / (series.len() - 1) as f64 } else { 0.0 };
        let points = series
            .iter()
            .enumerate()
            .map(|(i, (label, value))| ChartPoint {
                x: if series.len() > 1 { LEFT + gap * i as f64 } else { LEFT + plot_w / 2.0 },
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
        LineChart { points, ticks, target_y: target.map(y_of), left: LEFT, bottom: HEIGHT - BOTTOM }
    }

    /// The SVG `points` attribute of the line.
    pub fn polyline(&self) -> String {
        self.points.iter().map(|p| format!("{:.1},{:.1}", p.x, p.y)).collect::<Vec<_>>().join(" ")
    }
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

    #[test]
    fn points_run_left_to_right_and_higher_values_sit_higher() {
        let series = vec![("Q1".to_string(), 300.0), ("Q2".to_string(), 250.0), ("Q3".to_string(), 320.0)];
        let chart = LineChart::new(&series, Some(280.0));
        assert_eq!(chart.points.len(), 3);
        assert!(chart.points[0].x < chart.points[1].x && chart.points[1].x < chart.points[2].x);
        assert!(chart.points[2].y < chart.points[0].y, "320 is drawn above 300");
        let target = chart.target_y.expect("target");
        assert!(target > chart.points[2].y && target < chart.points[1].y);
        assert_eq!(chart.ticks.first().map(|t| t.1.as_str()), Some("0"), "counts start at zero");
        assert!(chart.ticks.iter().all(|(y, _)| *y >= 0.0 && *y <= HEIGHT));
        assert!(chart.polyline().starts_with("64.0,"));
    }

    #[test]
    fn no_values_or_one_value_still_draws() {
        let empty = LineChart::new(&[], None);
        assert!(empty.points.is_empty() && !empty.ticks.is_empty());
        let one = LineChart::new(&[("Q1".to_string(), 0.0)], None);
        assert_eq!(one.points.len(), 1);
        assert!(one.points[0].y.is_finite());
    }
}
