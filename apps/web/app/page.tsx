export default function HomePage() {
  return (
    <main style={{ maxWidth: 640, margin: "0 auto", padding: "4rem 1.5rem" }}>
      <h1>Todo</h1>
      <p>Your tasks, and only yours. The REST API lives under /api/tasks and takes a Better Auth bearer token.</p>
    </main>
  );
}
