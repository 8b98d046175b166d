import React from 'react';
import Chip from '@material-ui/core/Chip';
import type { Level } from '../api/types';
import { LEVEL_LABELS } from './scores';

const COLOURS: Record<Level, { background: string; color: string }> = {
  none: { background: '#616161', color: '#fff' },
  bronze: { background: '#7a4a1f', color: '#fff' },
  silver: { background: '#4f5b66', color: '#fff' },
  gold: { background: '#7a5c00', color: '#fff' },
};

/** bronze: no critical failure; silver: no critical or high; gold: everything passes. */
export function LevelChip(props: { level: Level; size?: 'small' | 'medium' }) {
  return <Chip size={props.size ?? 'small'} label={LEVEL_LABELS[props.level]} style={COLOURS[props.level]} aria-label={`Level: ${LEVEL_LABELS[props.level]}`} />;
}

export function StaleChip(props: { ageText: string }) {
  return <Chip size="small" variant="outlined" label={`Stale · ${props.ageText}`} style={{ borderColor: '#8a4b00', color: '#8a4b00' }} aria-label={`Stale: last good refresh ${props.ageText}`} />;
}
