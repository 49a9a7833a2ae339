from reviewkit.demo import main

raise SystemExit(main())
