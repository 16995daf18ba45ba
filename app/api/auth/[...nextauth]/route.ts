import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions);

interface RouteContext {
  params: Promise<{ nextauth: string[] }>;
}

// Credentials are only ever POSTed; next-auth answers any other method on their callback with a 500.
function methodNotAllowed(): Response {
  return Response.json({ message: "Sign in through the form: this address only accepts POST." }, { status: 405, headers: { Allow: "POST" } });
}

async function GET(request: Request, context: RouteContext) {
  const { nextauth = [] } = await context.params;
  if (nextauth[0] === "callback" && nextauth[1] === "credentials") return methodNotAllowed();
  return handler(request, context);
}

export { GET, handler as POST };
