"""IOM offices and headquarters units: who organizes meetings and answers the press."""
