//! Detail sentences for the image checks.

use crate::messages::DetailText;

pub(crate) static DETAILS: &[DetailText] = &[];
