//! Customer analytics as pure functions over the per-customer order aggregates (RFM, segments,
//! value classes, Pareto, churn, loyalty ladder, reorder prediction).
