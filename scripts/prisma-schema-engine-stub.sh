#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded on an
# air-gapped machine. `prisma generate` does not need it; any Prisma CLI command
# that does (migrate, db push) fails here loudly instead of silently doing nothing.
echo "Twelvefold: use npm run db:migrate; Prisma's native schema engine is not used here." >&2
echo "Apply migrations with 'npm run db:migrate'; create one with 'npm run db:diff -- <name>'." >&2
exit 1
