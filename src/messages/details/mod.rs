//! Detail sentences, one table per check family so each family's wording sits together.

mod doc_data;
mod document;
mod faces;
mod file;
mod idnumber;
mod image;
mod mrz;
mod profile;

use super::DetailText;

pub(super) static TABLES: &[&[DetailText]] = &[
    profile::DETAILS,
    idnumber::DETAILS,
    mrz::DETAILS,
    file::DETAILS,
    image::DETAILS,
    document::DETAILS,
    doc_data::DETAILS,
    faces::DETAILS,
];
