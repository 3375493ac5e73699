"""Pure functions that turn values as the offices write them into canonical values."""
