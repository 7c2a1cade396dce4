import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  // System fonts: every office PC already has them, and they carry the Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і).
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
});
