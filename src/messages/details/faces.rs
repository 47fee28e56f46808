//! Detail sentences for the faces checks.

use crate::messages::DetailText;

pub(crate) static DETAILS: &[DetailText] = &[];
