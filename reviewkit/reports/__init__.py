"""Report tables, the PRISMA 2020 flow, exports and the writers that put them on disk."""
