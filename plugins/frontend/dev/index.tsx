// `backstage-cli package start` (the portal demo) renders this: the demo app of ./app.
import { pillarguardDemoApp } from './app';

pillarguardDemoApp().render();
