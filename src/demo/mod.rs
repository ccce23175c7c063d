//! The embedded demo partnership (placeholder while the seed data is written).
