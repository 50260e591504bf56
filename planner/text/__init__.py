"""Every sentence a person reads, from one catalogue, and the wording of dates and numbers. Pure Python."""
