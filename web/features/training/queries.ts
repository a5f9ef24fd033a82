import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  courseListView,
  courseView,
  myTrainingView,
  overdueListView,
  sessionView,
  type CompletionInput,
  type CourseInput,
  type CourseUpdateInput,
  type EnrolInput,
  type OverdueQuery,
  type SessionInput,
} from '../../../shared/api/training.ts';
import { api } from '../../app/api.ts';

/**
 * Data of the training pages (issue 10; A10): one hook per answer of /api/training. A change answers
 * the course or the session it changed, which replaces the cached one; lists are read again.
 */
export const KEY = ['training'] as const;
const coursePath = (id: string) => `/api/training/courses/${encodeURIComponent(id)}`;
const sessionPath = (id: string) => `/api/training/sessions/${encodeURIComponent(id)}`;

export const useMyTraining = () =>
  useQuery({
    queryKey: [...KEY, 'me'],
    queryFn: () => api('/api/training/me', { schema: myTrainingView }),
    staleTime: 0,
  });

export const useCourses = () =>
  useQuery({
    queryKey: [...KEY, 'courses'],
    queryFn: () => api('/api/training/courses', { schema: courseListView }),
    staleTime: 0,
  });

export const useCourse = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'course', id],
    queryFn: () => api(coursePath(id), { schema: courseView }),
    staleTime: 0,
    retry: false,
  });

export const useSession = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'session', id],
    queryFn: () => api(sessionPath(id), { schema: sessionView }),
    staleTime: 0,
    retry: false,
  });

export const useOverdue = (query: OverdueQuery) =>
  useQuery({
    queryKey: [...KEY, 'overdue', query],
    queryFn: () => api('/api/training/overdue', { query: { ...query }, schema: overdueListView }),
    staleTime: 0,
    placeholderData: (previous) => previous,
  });

export const useCreateCourse = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CourseInput) =>
      api('/api/training/courses', { method: 'POST', body: input, schema: courseView }),
    onSuccess: (view) => {
      client.setQueryData([...KEY, 'course', view.id], view);
      void client.invalidateQueries({ queryKey: [...KEY, 'courses'] });
    },
  });
};

/** A change of one course: the answer replaces it; the course list and "my training" are read again. */
function useCourseChange<I, R>(id: string, call: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [...KEY, 'course', id] });
      void client.invalidateQueries({ queryKey: [...KEY, 'courses'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'me'] });
    },
  });
}

export const useUpdateCourse = (id: string) =>
  useCourseChange(id, (input: CourseUpdateInput) =>
    api(coursePath(id), { method: 'PATCH', body: input, schema: courseView }),
  );

export const useUploadMaterial = (id: string) =>
  useCourseChange(id, (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api(`${coursePath(id)}/material`, { method: 'POST', form, schema: courseView });
  });

export const useAddSession = (courseId: string) =>
  useCourseChange(courseId, (input: SessionInput) =>
    api(`${coursePath(courseId)}/sessions`, { method: 'POST', body: input, schema: sessionView }),
  );

/** A change of one session: the answer replaces it; its course, the overdue lists and "mine" are read again. */
function useSessionChange<I, R>(id: string, call: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      const parsed = sessionView.safeParse(view);
      if (parsed.success) client.setQueryData([...KEY, 'session', id], parsed.data);
      else void client.invalidateQueries({ queryKey: [...KEY, 'session', id] });
      void client.invalidateQueries({ queryKey: [...KEY, 'course'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'overdue'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'me'] });
    },
  });
}

export const useEnrol = (sessionId: string) =>
  useSessionChange(sessionId, (input: EnrolInput) =>
    api(`${sessionPath(sessionId)}/enrolments`, { method: 'POST', body: input, schema: sessionView }),
  );

export const useRecordCompletion = (sessionId: string) =>
  useSessionChange(sessionId, (input: CompletionInput) =>
    api(`${sessionPath(sessionId)}/completions`, { method: 'POST', body: input, schema: sessionView }),
  );

/** The person completes online material themself (A10: the material open today, they are in the audience). */
export const useCompleteSelf = (sessionId: string) =>
  useSessionChange(sessionId, () =>
    api(`${sessionPath(sessionId)}/complete`, { method: 'POST', schema: sessionView }),
  );
