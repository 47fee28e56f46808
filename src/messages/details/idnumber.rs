//! Detail sentences for the idnumber checks.

use crate::messages::DetailText;

pub(crate) static DETAILS: &[DetailText] = &[];
