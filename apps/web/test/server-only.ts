// Stands in for the "server-only" guard outside Next, where it would throw on import.
export {};
