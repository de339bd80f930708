"""Municipalities side by side (/gemeenten/vergelijk/): what each offers, the gaps, and its open data."""
