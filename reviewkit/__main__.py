from reviewkit.cli import main

raise SystemExit(main())
