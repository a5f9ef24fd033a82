import { useQuery } from '@tanstack/react-query';
import type { ArticleFamily } from '../../../shared/compliance/articles.ts';
import { cellDetailView, newGapsView, overviewView, trendView } from '../../../shared/api/compliance.ts';
import { api } from '../../app/api.ts';

/**
 * Data of the compliance overview (issue 10): one hook per answer of /api/compliance. Read-only —
 * every colour comes from the live gaps of the other modules (server/modules/compliance).
 */
const KEY = ['compliance'] as const;

export const useOverview = () =>
  useQuery({
    queryKey: [...KEY, 'overview'],
    queryFn: () => api('/api/compliance/overview', { schema: overviewView }),
    staleTime: 0,
  });

/** The gaps behind one cell; unitId null is the row 機構全体. */
export const useCell = (unitId: string | null, family: ArticleFamily) =>
  useQuery({
    queryKey: [...KEY, 'cell', unitId, family],
    queryFn: () => api('/api/compliance/cells', { query: { unitId, family }, schema: cellDetailView }),
    staleTime: 0,
    retry: false,
  });

export const useTrend = (days: number) =>
  useQuery({
    queryKey: [...KEY, 'trend', days],
    queryFn: () => api('/api/compliance/trend', { query: { days }, schema: trendView }),
  });

export const useNewGaps = () =>
  useQuery({
    queryKey: [...KEY, 'new-gaps'],
    queryFn: () => api('/api/compliance/new-gaps', { schema: newGapsView }),
    staleTime: 0,
  });
