"""The keuzehulp (respite guide): its rules engine, page and who each offer is for."""
