import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// CI runs every package's tests at once on two cores: a table of 25 rows can take seconds in jsdom.
configure({ asyncUtilTimeout: 15000 });
