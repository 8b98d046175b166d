// The frontend plugin's demo app (plugins/frontend/dev/app.tsx), bundled for production by
// `backstage-cli package build` so bench/portal.js measures what users load, not a dev bundle.
import { pillarguardDemoApp } from '../../../plugins/frontend/dev/app';

pillarguardDemoApp().render();
