//! `crm-tui`: the terminal user interface of the CRM (screens arrive with the TUI's own work).
