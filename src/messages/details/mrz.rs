//! Detail sentences for the mrz checks.

use crate::messages::DetailText;

pub(crate) static DETAILS: &[DetailText] = &[];
