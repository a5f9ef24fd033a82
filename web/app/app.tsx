import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError, onUnauthorized } from './api.ts';
import { SESSION_KEY } from './session.ts';
import { PreferencesProvider } from './preferences.tsx';
import { router } from './router.tsx';

function makeClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  // Any 401 means the session has ended: forget it, and RequireSession sends the user to /login.
  onUnauthorized(() => client.setQueryData(SESSION_KEY, null));
  return client;
}

export function App() {
  const [client] = useState(makeClient);
  return (
    <QueryClientProvider client={client}>
      <PreferencesProvider>
        <RouterProvider router={router} />
      </PreferencesProvider>
    </QueryClientProvider>
  );
}
