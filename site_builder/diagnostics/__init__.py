"""Problems found in the data, as data, and the formats they are printed in."""
