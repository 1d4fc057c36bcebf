import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { ApiError } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useLogin } from "./api.ts";

export function LoginPage() {
  const { t } = useI18n();
  const login = useLogin();
  const navigate = useNavigate();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username, password }, { onSuccess: () => navigate("/lam-viec") });
  };
  return (
    <section className="narrow">
      <h1>{t("login.title")}</h1>
      <form onSubmit={submit} className="form">
        <label>
          <span>{t("login.username")}</span>
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          <span>{t("login.password")}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {login.error && (
          <p role="alert" className="alert">
            {login.error instanceof ApiError ? login.error.message : String(login.error)}
          </p>
        )}
        <button type="submit" disabled={login.isPending}>
          {t("login.submit")}
        </button>
      </form>
      <p className="muted">{t("login.demo")}</p>
    </section>
  );
}
