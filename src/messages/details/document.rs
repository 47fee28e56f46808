//! Detail sentences for the document checks.

use crate::messages::DetailText;

pub(crate) static DETAILS: &[DetailText] = &[];
